package io.drydock.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drydock.events.Envelope;
import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.Unavailability;
import io.drydock.support.kafka.EventCodec;
import io.drydock.testsupport.DrydockIntegrationTest;
import io.drydock.testsupport.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against real PostgreSQL and a real Kafka broker. */
@DrydockIntegrationTest(properties = "spring.main.web-application-type=none")
class OutboxIntegrationTest {

  @SpringBootApplication
  static class TestApp {}

  @Autowired Outbox outbox;
  @Autowired ProcessedEvents processed;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired EventCodec codec;
  @Autowired OutboxRelay relay;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired OutboxProperties properties;

  @Test
  void committedEventsReachKafkaAndReadBackAsTheSameRecords() {
    String topic = "outbox-test-" + UUID.randomUUID();
    Envelope first = machineEvent("m1", MachineMode.DRAINING);
    Envelope second = machineEvent("m1", MachineMode.DOWN);
    transactions.executeWithoutResult(s -> {
      jdbc.update("INSERT INTO widget (name) VALUES (?)", topic);
      outbox.append(topic, first);
      outbox.append(topic, second);
    });

    List<Envelope> received = consume(topic, 2);
    assertThat(received).containsExactly(first, second);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox", Integer.class)).isZero();
  }

  /**
   * A transaction that appended earlier (lower seq) but commits while a relay pass is waiting for Kafka must
   * not lose its event: the pass deletes only what it sent.
   */
  @Test
  void anEventCommittedWhileAPassIsSendingIsPublishedByTheNextPass() throws Exception {
    String topic = "outbox-race-" + UUID.randomUUID();
    Envelope late = machineEvent("late", MachineMode.DRAINING);
    Envelope early = machineEvent("early", MachineMode.DRAINING);
    relay.stop();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch commitLate = new CountDownLatch(1);
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch releaseSends = new CountDownLatch(1);
    try {
      Future<?> lateTx = threads.submit(() -> transactions.executeWithoutResult(s -> {
        outbox.append(topic, late);
        appended.countDown();
        awaitLatch(commitLate);
      }));
      assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
      transactions.executeWithoutResult(s -> outbox.append(topic, early));
      KafkaTemplate<String, String> paused = new KafkaTemplate<>(kafka.getProducerFactory()) {
        @Override
        public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
          sending.countDown();
          awaitLatch(releaseSends);
          return super.send(record);
        }
      };
      OutboxRelay pass = new OutboxRelay(jdbc, transactions, paused, properties);
      Future<Integer> first = threads.submit(pass::drain);
      assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
      commitLate.countDown();
      lateTx.get(10, TimeUnit.SECONDS);
      releaseSends.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_id::text = ?", Integer.class,
          late.eventId().toString())).as("the late row is still there").isOne();
      assertThat(pass.drain()).isEqualTo(1);
      assertThat(consume(topic, 2)).containsExactlyInAnyOrder(early, late);
    } finally {
      releaseSends.countDown();
      commitLate.countDown();
      threads.shutdownNow();
      relay.start();
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One pass sends several batches back to back; the topic gets them in the order they were appended. */
  @Test
  void aPassOfSeveralBatchesPublishesInAppendOrder() throws Exception {
    String topic = "outbox-batches-" + UUID.randomUUID();
    relay.stop();
    try {
      List<Envelope> events = appendInOneTransaction(topic, "b", 7);
      OutboxRelay small = new OutboxRelay(jdbc, transactions, kafka, properties(2, Duration.ofSeconds(5)));
      assertThat(small.drain()).isEqualTo(7);
      assertThat(consume(topic, 7)).containsExactlyElementsOf(events);
    } finally {
      relay.start();
    }
  }

  /** A send that fails in the last batch of a pass rolls the whole pass back: every row is still there. */
  @Test
  void aFailedSendLeavesEveryRowOfThePassForTheNextOne() {
    String topic = "outbox-failure-" + UUID.randomUUID();
    relay.stop();
    try {
      List<Envelope> events = appendInOneTransaction(topic, "f", 5);
      java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
      KafkaTemplate<String, String> failingFifth = new KafkaTemplate<>(kafka.getProducerFactory()) {
        @Override
        public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
          return sent.incrementAndGet() == 5
              ? CompletableFuture.failedFuture(new IllegalStateException("broker gone"))
              : super.send(record);
        }
      };
      OutboxProperties twoPerBatch = properties(2, Duration.ofSeconds(5));
      assertThatThrownBy(() -> new OutboxRelay(jdbc, transactions, failingFifth, twoPerBatch).drain())
          .hasRootCauseMessage("broker gone");
      assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE topic = ?", Integer.class, topic))
          .isEqualTo(5);
      assertThat(new OutboxRelay(jdbc, transactions, kafka, twoPerBatch).drain()).isEqualTo(5);
      // the four sent before the failure arrive twice (at least once); consumers drop repeats by event id
      assertThat(consume(topic, 9)).containsAll(events);
    } finally {
      relay.start();
    }
  }

  /**
   * Kafka never acknowledges the sends of the first pass (their futures never complete, as with a wedged
   * producer): the pass gives up after the ack timeout, rolls back, and the running relay publishes the rows
   * with a later pass, in order.
   */
  @Test
  void aPassWhoseSendsNeverCompleteRollsBackAndTheRowsArePublishedLater() {
    String topic = "outbox-hung-" + UUID.randomUUID();
    relay.stop();
    java.util.concurrent.atomic.AtomicInteger sends = new java.util.concurrent.atomic.AtomicInteger();
    KafkaTemplate<String, String> firstPassHangs = new KafkaTemplate<>(kafka.getProducerFactory()) {
      @Override
      public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
        return topic.equals(record.topic()) && sends.incrementAndGet() <= 3
            ? new CompletableFuture<>()
            : super.send(record);
      }
    };
    OutboxRelay hanging = new OutboxRelay(jdbc, transactions, firstPassHangs, new OutboxProperties(true,
        Duration.ofMillis(200), 500, 10, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(5)));
    try {
      List<Envelope> events = appendInOneTransaction(topic, "h", 3);
      hanging.start();
      assertThat(consume(topic, 3)).containsExactlyElementsOf(events);
      assertThat(sends.get()).as("the first pass's 3 sends hung, a later pass sent them again").isEqualTo(6);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE topic = ?", Integer.class, topic))
          .isZero();
    } finally {
      hanging.stop();
      relay.start();
    }
  }

  /** A pass that waits on a lock fails after the statement timeout and rolls back instead of hanging. */
  @Test
  void aPassBlockedByALockTimesOutAndLeavesItsRows() throws Exception {
    String topic = "outbox-locked-" + UUID.randomUUID();
    relay.stop();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch unlock = new CountDownLatch(1);
    try {
      List<Envelope> events = appendInOneTransaction(topic, "l", 2);
      Future<?> holder = thread.submit(() -> transactions.executeWithoutResult(s -> {
        jdbc.execute("LOCK TABLE outbox IN ACCESS EXCLUSIVE MODE");
        locked.countDown();
        awaitLatch(unlock);
      }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      OutboxRelay pass = new OutboxRelay(jdbc, transactions, kafka, properties(500, Duration.ofMillis(300)));
      assertThatThrownBy(pass::drain).hasMessageContaining("statement timeout");
      unlock.countDown();
      holder.get(10, TimeUnit.SECONDS);
      assertThat(pass.drain()).isEqualTo(2);
      assertThat(consume(topic, 2)).containsExactlyElementsOf(events);
    } finally {
      unlock.countDown();
      thread.shutdownNow();
      relay.start();
    }
  }

  @Test
  void rolledBackStateChangePublishesNothing() {
    String topic = "outbox-rollback-" + UUID.randomUUID();
    assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
      outbox.append(topic, machineEvent("m2", MachineMode.DRAINING));
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    Envelope after = machineEvent("m3", MachineMode.DRAINING);
    transactions.executeWithoutResult(s -> outbox.append(topic, after));

    assertThat(consume(topic, 1)).containsExactly(after);
  }

  @Test
  void appendOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> outbox.append("t", machineEvent("m4", MachineMode.UP)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRedeliveredEventIsProcessedOnce() {
    UUID id = UUID.randomUUID();
    Boolean first = transactions.execute(s -> processed.firstTime("test-consumer", id));
    Boolean again = transactions.execute(s -> processed.firstTime("test-consumer", id));
    Boolean otherConsumer = transactions.execute(s -> processed.firstTime("other-consumer", id));
    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(otherConsumer).isTrue();
  }

  /** Relay settings with this batch size and statement timeout; 10 batches a pass, 1 s backoff, 5 s ack timeout. */
  private static OutboxProperties properties(int batchSize, Duration statementTimeout) {
    return new OutboxProperties(true, Duration.ofSeconds(1), batchSize, 10, Duration.ofSeconds(1),
        Duration.ofSeconds(5), statementTimeout);
  }

  /**
   * The batch a pass takes (the oldest rows) is chosen once per statement, whatever plan PostgreSQL picks.
   * The statement was {@code DELETE … WHERE seq IN (SELECT … LIMIT ?)}, which PostgreSQL may run as a
   * nested-loop semi join that re-runs the LIMIT subquery for every row of the table: quadratic in the
   * backlog (2.1 s for 20,000 rows here, ~40 s per statement at a 100,000-row backlog in
   * LaunchThroughputHarness, where it stalled the relay). Here the planner's other strategies are switched
   * off, so it would pick exactly that plan if the statement allowed it.
   */
  @Test
  void aPassChoosesItsBatchOncePerStatementWhateverThePlan() {
    transactions.executeWithoutResult(s -> {
      for (String strategy : List.of("hashagg", "hashjoin", "mergejoin", "material", "sort")) {
        jdbc.execute("SET LOCAL enable_" + strategy + " = off");
      }
      jdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan");
      jdbc.execute("PREPARE take_batch(int) AS " + OutboxRelay.TAKE_BATCH.replace("?", "$1"));
      try {
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN EXECUTE take_batch(500)", String.class));
        assertThat(plan).contains("InitPlan").doesNotContain("Semi Join").doesNotContain("SubPlan");
      } finally {
        jdbc.execute("DEALLOCATE take_batch");
      }
    });
  }

  /** Appends {@code count} events for hosts {@code prefix0…} in one transaction and returns them in order. */
  private List<Envelope> appendInOneTransaction(String topic, String prefix, int count) {
    List<Envelope> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(machineEvent(prefix + i, MachineMode.DRAINING));
    }
    transactions.executeWithoutResult(s -> events.forEach(e -> outbox.append(topic, e)));
    return events;
  }

  private static Envelope machineEvent(String host, MachineMode mode) {
    return Envelope.of(new MachineStateChanged(new MachineId(host, "10.0.0.1"), MachineMode.UP, mode,
        new Unavailability(1L, null), 1, "ops", null), Instant.parse("2026-11-21T00:00:00Z"));
  }

  private List<Envelope> consume(String topic, int count) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<Envelope> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          received.add(codec.read(record.value()));
        }
        return received.size() >= count;
      });
    }
    return received;
  }
}
