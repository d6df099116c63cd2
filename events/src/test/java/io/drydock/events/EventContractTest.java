package io.drydock.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventContractTest {

  @Test
  void machineIdHostnameIsCaseInsensitiveButIpPresenceMatters() {
    assertThat(new MachineId("A", "1.2.3.4")).isEqualTo(new MachineId("a", "1.2.3.4"));
    assertThat(new MachineId("a", null)).isNotEqualTo(new MachineId("a", ""));
    assertThat(new MachineId("a", null)).isNotEqualTo(new MachineId("a", "1.2.3.4"));
    assertThat(new MachineId("Host", "1.2.3.4").hostname()).isEqualTo("Host");
  }

  @Test
  void envelopeTypeMustMatchPayload() {
    assertThatThrownBy(() -> new Envelope(java.util.UUID.randomUUID(), "OfferEvent", 1, Instant.EPOCH, null,
        new FrameworkError("f", "m"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(Envelope.of(new FrameworkError("f", "m"), Instant.EPOCH).type()).isEqualTo("FrameworkError");
  }

  @Test
  void frameworkTopicRejectsNamesKafkaCannotHold() {
    assertThat(Topics.framework("abc-0001")).isEqualTo("drydock.framework.abc-0001");
    assertThatThrownBy(() -> Topics.framework("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Topics.framework("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void terminalTaskStates() {
    assertThat(TaskState.TASK_LOST.isTerminal()).isTrue();
    assertThat(TaskState.TASK_RUNNING.isTerminal()).isFalse();
  }
}
