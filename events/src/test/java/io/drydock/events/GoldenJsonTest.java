package io.drydock.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event type has a golden JSON file: the record serializes to exactly that JSON, and the file
 * reads back to an equal record. A change that breaks a golden file breaks consumers.
 */
class GoldenJsonTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123Z");
  private static final MachineId MACHINE = new MachineId("Machine1", "10.0.0.1");
  private static final Unavailability WINDOW = new Unavailability(1443830400000000000L, 3600000000000L);

  static Stream<Arguments> events() {
    Resource ports =
        new Resource("ports", null, List.of(new Resource.Range(31000, 32000)), null, null, null);
    Resource reservedCpus = new Resource("cpus", 4.0, null, null,
        List.of(new Resource.Reservation("DYNAMIC", "sales", "ops", Map.of("owner", "team-a"))), null);
    Resource volume = new Resource("disk", 1024.0, null, null,
        List.of(new Resource.Reservation("STATIC", "sales", null, null)),
        new Resource.Volume("vol-1", "data", "ops"));
    return Stream.of(
        Arguments.of("offer-event", envelope(new OfferEvent("o-1", "fw-1", "a-1", "machine1", MACHINE, "sales",
            List.of(Resource.scalar("mem", 1024), reservedCpus, ports, volume), Map.of("rack", "r1"), WINDOW), 7L)),
        Arguments.of("offer-rescinded", envelope(new OfferRescinded("o-1", "fw-1", "a-1"), 7L)),
        Arguments.of("inverse-offer-event",
            envelope(new InverseOfferEvent("io-1", "fw-1", "a-1", "machine1", MACHINE, WINDOW), 7L)),
        Arguments.of("inverse-offer-rescinded", envelope(new InverseOfferRescinded("io-1", "fw-1", "a-1"), 7L)),
        Arguments.of("task-status-update", envelope(new TaskStatusUpdate("fw-1", "t-1", "a-1", TaskState.TASK_LOST,
            "SOURCE_MASTER", "REASON_SLAVE_REMOVED", "Operator initiated 'Machine DOWN'", "u-1", AT), 7L)),
        Arguments.of("framework-error", envelope(new FrameworkError("fw-1", "Framework has been removed"), 7L)),
        Arguments.of("machine-state-changed", envelope(new MachineStateChanged(MACHINE, MachineMode.UP,
            MachineMode.DRAINING, new Unavailability(1443830400000000000L, null), 3, "ops", "kernel upgrade"), null)),
        Arguments.of("machine-state-changed-counted", envelope(new MachineStateChanged(MACHINE, MachineMode.UP,
            MachineMode.DRAINING, new Unavailability(1443830400000000000L, null), 3, "ops", "kernel upgrade", 2),
            null)),
        Arguments.of("inverse-offer-responded", envelope(new InverseOfferResponded("fw-1", "a-1", MACHINE,
            InverseOfferResponded.Response.DECLINE, AT), 7L)),
        Arguments.of("acls-changed", envelope(new AclsChanged(4, "{\"permissive\":false}"), null)),
        Arguments.of("agent-registered", envelope(new AgentRegistered("a-1", MACHINE), 7L)));
  }

  private static Envelope envelope(DrydockEvent event, Long epoch) {
    return new Envelope(UUID.fromString("3f1c2a9e-8d4b-4c1e-9a57-0b6d2e7f4a10"), event.typeName(),
        Envelope.SCHEMA_VERSION, AT, epoch, event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void serializesToGoldenJson(String name, Envelope envelope) throws IOException {
    JsonNode golden = JSON.readTree(golden(name));
    assertThat(JSON.readTree(JSON.writeValueAsString(envelope))).isEqualTo(golden);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void goldenJsonReadsBackToTheSameEvent(String name, Envelope envelope) throws IOException {
    assertThat(JSON.readValue(golden(name), Envelope.class)).isEqualTo(envelope);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = GoldenJsonTest.class.getResourceAsStream("/golden/" + name + ".json")) {
      assertThat(in).as("golden file %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
