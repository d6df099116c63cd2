package io.drydock.master.maintenance.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.events.Envelope;
import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.Topics;
import io.drydock.support.kafka.DeadLetters;
import io.drydock.support.kafka.EventCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Unreadable records and failing applications are dead-lettered; an unreachable database is waited for. */
class MachineStateConsumerTest {

  final EventCodec codec = new EventCodec();
  final DeadLetters deadLetters = new DeadLetters(null, new SimpleMeterRegistry(), "master-service");
  final List<MachineStateChanged> applied = new ArrayList<>();
  final List<RuntimeException> failures = new ArrayList<>();

  final List<String> batches = new ArrayList<>();

  final MachineStateConsumer consumer = new MachineStateConsumer(new KafkaProperties(), codec, change -> {
    if (!failures.isEmpty()) {
      throw failures.remove(0);
    }
    applied.add(change);
    batches.add(change.machine().hostname());
  }, work -> {
    batches.add("defer runs");
    try {
      work.run();
    } finally {
      batches.add("resume runs");
    }
  }, deadLetters, null, Duration.ofMillis(20));

  long offset;

  ConsumerRecord<String, String> record(String value) {
    return new ConsumerRecord<>(Topics.MACHINE_STATE, 0, offset++, "key", value);
  }

  String down(String host) {
    MachineStateChanged change = new MachineStateChanged(new MachineId(host, "10.0.0.1"), MachineMode.DRAINING,
        MachineMode.DOWN, null, 1, "ops", null);
    return codec.write(Envelope.of(change, Instant.now()));
  }

  static String withoutMachine(String json) {
    ObjectNode tree = (ObjectNode) JsonMapper.builder().build().readTree(json);
    ((ObjectNode) tree.get("payload")).remove("machine");
    return tree.toString();
  }

  double deadLettered() {
    return deadLetters.count(MachineStateConsumer.NAME, Topics.MACHINE_STATE);
  }

  @Test
  void unreadableRecordsAreDeadLetteredAndTheNextOnesApplied() throws InterruptedException {
    consumer.process(record("{not json"));
    consumer.process(record(withoutMachine(down("b"))));
    consumer.process(record(null));
    consumer.process(record(down("a")));

    assertThat(deadLettered()).isEqualTo(2);
    assertThat(applied).extracting(c -> c.machine().hostname()).containsExactly("a");
  }

  @Test
  void aFailingApplicationIsDeadLetteredNotFatal() throws InterruptedException {
    failures.add(new IllegalStateException("bug"));
    consumer.process(record(down("a")));
    consumer.process(record(down("b")));

    assertThat(deadLettered()).isEqualTo(1);
    assertThat(applied).extracting(c -> c.machine().hostname()).containsExactly("b");
  }

  @Test
  void theRecordsOfOnePollAreAppliedWithAllocationRunsHeldBackUntilAllAre() throws InterruptedException {
    consumer.processTogether(List.of(record(down("a")), record("{not json"), record(down("b"))));
    consumer.processTogether(List.of(record(down("c"))));

    assertThat(batches).containsExactly("defer runs", "a", "b", "resume runs", "defer runs", "c", "resume runs");
    assertThat(deadLettered()).isEqualTo(1);
  }

  @Test
  void anUnreachableDatabaseIsRetriedUntilTheRecordApplies() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      failures.add(new DataAccessResourceFailureException("connection refused"));
    }
    consumer.process(record(down("a")));

    assertThat(deadLettered()).isZero();
    assertThat(failures).isEmpty();
    assertThat(applied).extracting(c -> c.machine().hostname()).containsExactly("a");
  }
}
