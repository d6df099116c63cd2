package io.drydock.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drydock.events.DrydockEvent;
import io.drydock.events.Envelope;
import io.drydock.events.FrameworkError;
import io.drydock.events.InverseOfferEvent;
import io.drydock.events.MachineId;
import io.drydock.events.OfferEvent;
import io.drydock.events.OfferRescinded;
import io.drydock.events.Resource;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.events.Unavailability;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The SDK's envelope reader reads what the suite writes exactly as Jackson's general path does. */
class EnvelopeReaderTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123456Z");
  private static final MachineId MACHINE = new MachineId("machine1", "10.0.0.1");

  private final EnvelopeReader reader = new EnvelopeReader();

  static Stream<Envelope> envelopes() {
    Resource ports = new Resource("ports", null, List.of(new Resource.Range(31000, 32000)), null, null, null);
    return Stream.of(
        envelope(new OfferEvent("o-1", "fw-1", "a-1", "machine1", MACHINE, "web",
            List.of(Resource.scalar("cpus", 2), ports), Map.of("rack", "r1"), new Unavailability(1L, 2L)), 7L),
        envelope(new OfferRescinded("o-1", "fw-1", "a-1"), 7L),
        envelope(new InverseOfferEvent("io-1", "fw-1", "a-1", "machine1", MACHINE, new Unavailability(5L, null)), 7L),
        envelope(new TaskStatusUpdate("fw-1", "t-1", "a-1", TaskState.TASK_RUNNING, "SOURCE_AGENT", null, null,
            "u-1", AT), 7L),
        envelope(new FrameworkError("fw-1", "Framework has been removed"), null));
  }

  private static Envelope envelope(DrydockEvent event, Long epoch) {
    return new Envelope(UUID.randomUUID(), event.typeName(), Envelope.SCHEMA_VERSION, AT, epoch, event);
  }

  @ParameterizedTest
  @MethodSource("envelopes")
  void readsWhatTheSuiteWrites(Envelope envelope) {
    String written = JSON.writeValueAsString(envelope);
    assertThat(reader.read(written)).isEqualTo(envelope).isEqualTo(JSON.readValue(written, Envelope.class));
  }

  @ParameterizedTest
  @MethodSource("envelopes")
  void readsAPayloadWrittenBeforeItsTypeAndIgnoresUnknownFields(Envelope envelope) {
    ObjectNode written = (ObjectNode) JSON.readTree(JSON.writeValueAsString(envelope));
    ObjectNode reordered = JSON.createObjectNode();
    reordered.set("payload", written.get("payload"));
    reordered.put("addedLater", "ignored");
    written.properties().forEach(field -> reordered.set(field.getKey(), field.getValue()));
    assertThat(reader.read(JSON.writeValueAsString(reordered))).isEqualTo(envelope);
  }

  @Test
  void refusesWhatTheGeneralPathRefuses() {
    String payload = "\"payload\":{\"frameworkId\":\"f\",\"message\":\"m\"}";
    String at = "\"occurredAt\":\"2026-11-21T10:15:30Z\",";
    assertThat(reader.read("null")).isNull();
    assertThatThrownBy(() -> reader.read("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"NoSuchEvent\","
        + at + payload + "}")).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> reader.read("{\"type\":\"FrameworkError\"," + at + payload + "}"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> reader.read("[1]")).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> reader.read("{\"eventId\":\"not-a-uuid\"}")).isInstanceOf(IllegalArgumentException.class);
  }
}
