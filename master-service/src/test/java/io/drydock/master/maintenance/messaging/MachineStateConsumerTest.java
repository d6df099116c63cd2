package io.drydock.master.maintenance.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.events.Envelope;
import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.Topics;
import io.drydock.support.kafka.DeadLetters;
import io.drydock.support.kafka.EventCodec;
import io.drydock.testsupport.MutableClock;
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

/**
 * Unreadable records and failing applications are dead-lettered; an unreachable database is waited for;
 * allocation runs stay held while a schedule revision has arrived only in part, with a bounded wait.
 */
class MachineStateConsumerTest {

  final EventCodec codec = new EventCodec();
  final DeadLetters deadLetters = new DeadLetters(null, new SimpleMeterRegistry(), "master-service");
  final List<MachineStateChanged> applied = new ArrayList<>();
  final List<RuntimeException> failures = new ArrayList<>();

  final List<String> batches = new ArrayList<>();

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T05:00:00Z"));

  final MachineStateConsumer consumer = new MachineStateConsumer(new KafkaProperties(), codec, change -> {
    if (!failures.isEmpty()) {
      throw failures.remove(0);
    }
    applied.add(change);
    batches.add(change.machine().hostname());
  }, new MachineStateConsumer.Hold() {
    @Override
    public void hold() {
      batches.add("defer runs");
    }

    @Override
    public void release() {
      batches.add("resume runs");
    }
  }, deadLetters, null, Duration.ofMillis(20), clock, Duration.ofSeconds(2), Duration.ofSeconds(5));

  long offset;

  ConsumerRecord<String, String> record(String value) {
    return new ConsumerRecord<>(Topics.MACHINE_STATE, 0, offset++, "key", value);
  }

  String down(String host) {
    MachineStateChanged change = new MachineStateChanged(new MachineId(host, "10.0.0.1"), MachineMode.DRAINING,
        MachineMode.DOWN, null, 1, "ops", null);
    return codec.write(Envelope.of(change, clock.instant()));
  }

  /** One change of a schedule revision that made {@code changes} changes, published at {@code at}. */
  String draining(String host, long revision, int changes, Instant at) {
    MachineStateChanged change = new MachineStateChanged(new MachineId(host, "10.0.0.1"), MachineMode.UP,
        MachineMode.DRAINING, null, revision, "ops", null, changes);
    return codec.write(Envelope.of(change, at));
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
  void aScheduleRevisionSplitOverTwoPollsKeepsRunsHeldUntilItsLastChangeIsApplied() throws InterruptedException {
    consumer.processTogether(List.of(record(draining("a", 7, 3, clock.instant())),
        record(draining("b", 7, 3, clock.instant()))));
    assertThat(batches).containsExactly("defer runs", "a", "b");
    clock.advance(Duration.ofMillis(1500));
    consumer.releaseUnlessAwaiting();
    assertThat(batches).as("still within the wait").containsExactly("defer runs", "a", "b");

    consumer.processTogether(List.of(record(draining("c", 7, 3, clock.instant())), record(down("d"))));
    assertThat(batches).containsExactly("defer runs", "a", "b", "c", "d", "resume runs");
  }

  @Test
  void aRevisionWhoseRestNeverComesIsGivenUpAfterTheWait() throws InterruptedException {
    consumer.processTogether(List.of(record(draining("a", 8, 2, clock.instant()))));
    clock.advance(Duration.ofMillis(1999));
    consumer.releaseUnlessAwaiting();
    assertThat(batches).containsExactly("defer runs", "a");
    clock.advance(Duration.ofMillis(1));
    consumer.releaseUnlessAwaiting();
    assertThat(batches).containsExactly("defer runs", "a", "resume runs");

    // its late change is applied like any other, not waited on again
    consumer.processTogether(List.of(record(draining("b", 8, 2, clock.instant()))));
    assertThat(batches).endsWith("defer runs", "b", "resume runs");
  }

  @Test
  void runsAreHeldAtMostMaxHoldEvenWhileRecordsKeepComing() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      consumer.processTogether(List.of(record(draining("m" + i, 9, 100, clock.instant()))));
      clock.advance(Duration.ofSeconds(1));
    }
    consumer.releaseUnlessAwaiting();
    assertThat(batches).containsExactly("defer runs", "m0", "m1", "m2", "m3", "m4", "resume runs");
  }

  @Test
  void historyReadBackAfterARestartIsNotWaitedFor() throws InterruptedException {
    consumer.processTogether(
        List.of(record(draining("a", 3, 2, clock.instant().minus(Duration.ofMinutes(5))))));
    assertThat(batches).containsExactly("defer runs", "a", "resume runs");
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
