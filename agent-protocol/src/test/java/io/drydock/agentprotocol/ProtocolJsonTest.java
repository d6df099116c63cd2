package io.drydock.agentprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProtocolJsonTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void registrationRoundTripsAndOmitsAbsentFields() {
    RegisterAgent first = new RegisterAgent(null, "host1", "10.0.0.1", "http://10.0.0.1:5051",
        "cpus:4;mem:8192", Map.of("rack", "r1"), null);
    String text = json.writeValueAsString(first);
    assertThat(text).doesNotContain("agentId").doesNotContain("runningTasks");
    assertThat(json.readValue(text, RegisterAgent.class)).isEqualTo(first);
  }

  @Test
  void statusUpdatesRoundTrip() {
    StatusUpdates updates = new StatusUpdates("a-1", List.of(new StatusUpdate("fw", "t", "TASK_RUNNING", null,
        null, "u-1", Instant.parse("2026-11-21T00:00:00Z"))));
    assertThat(json.readValue(json.writeValueAsString(updates), StatusUpdates.class)).isEqualTo(updates);
  }

  @Test
  void agentPathsNameTheAgent() {
    assertThat(Paths.forAgent(Paths.LAUNCH, "a-7")).isEqualTo("/agent/v1/a-7/launch");
  }
}
