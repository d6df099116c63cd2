package io.drydock.master.maintenance.messaging;

import io.drydock.events.Envelope;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.Topics;
import io.drydock.master.agent.AgentRegistry;
import io.drydock.master.leader.LeaderOnly;
import io.drydock.support.kafka.ConsumerErrorHandling;
import io.drydock.support.kafka.ConsumerMetrics;
import io.drydock.support.kafka.DeadLetters;
import io.drydock.support.kafka.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads {@code drydock.machine-state} from the beginning of every partition, without a consumer group
 * (every master replica needs every machine's mode), and hands each MachineStateChanged to the agents; the
 * records of one poll are applied with allocation runs held back until all are, and until every schedule
 * revision they belong to has arrived whole, with a bounded wait ({@link #processTogether}).
 * Re-applying a state is harmless, so no processed-event ledger is needed.
 *
 * <p>It never stops while the master runs: an unreadable record, or one whose application fails for a
 * reason other than the database being unreachable, is dead-lettered ({@link DeadLetters}, consumer
 * {@value #NAME}) and skipped; an infrastructure failure
 * ({@link ConsumerErrorHandling#isInfrastructureFailure}) is retried with backoff, without moving on; a
 * failing Kafka client is closed and recreated, resuming after the last applied record. Its lag is bound
 * with {@link ConsumerMetrics} (tag {@code consumer=machine-state}).
 */
@Component
class MachineStateConsumer implements LeaderOnly {

  static final String NAME = "machine-state";

  private static final Logger log = LoggerFactory.getLogger(MachineStateConsumer.class);
  private static final Duration RECONNECT = Duration.ofSeconds(1);
  private static final Duration POLL = Duration.ofSeconds(1);
  /** Changes older than this are history read back, not an update in flight: never waited for. */
  private static final Duration STALE_AFTER = Duration.ofMinutes(1);

  /** Applies one machine's new state. */
  @FunctionalInterface
  interface Handler {
    void apply(MachineStateChanged change);
  }

  /**
   * Holds allocation runs back while the consumer applies changes that frameworks must see together: the
   * machines of one posted schedule (one record each, possibly on several partitions and over several polls)
   * are offered with their unavailability together, and no run in between offers one of them without it.
   */
  interface Hold {
    void hold();

    void release();
  }

  private final KafkaProperties kafka;
  private final EventCodec codec;
  private final Handler handler;
  private final Hold allocation;
  private final DeadLetters deadLetters;
  private final MeterRegistry meters;
  private final Duration maxRetryInterval;
  private final Clock clock;
  private final Duration revisionWait;
  private final Duration maxHold;
  private final PartialRevisions partial = new PartialRevisions(STALE_AFTER);
  private boolean holding;
  private long heldAt;
  private long lastArrivalAt;
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private volatile KafkaConsumer<String, String> consumer;
  private volatile Thread thread;
  private volatile boolean running;

  @Autowired
  MachineStateConsumer(KafkaProperties kafka, EventCodec codec, AgentRegistry agents, DeadLetters deadLetters,
      ObjectProvider<MeterRegistry> meters) {
    this(kafka, codec, change -> agents.machineChanged(change.machine(), change.mode(), change.unavailability()),
        new Hold() {
          @Override
          public void hold() {
            agents.deferAllocation();
          }

          @Override
          public void release() {
            agents.resumeAllocation();
          }
        }, deadLetters, meters.getIfAvailable(), Duration.ofSeconds(5), Clock.systemUTC(), Duration.ofSeconds(2),
        Duration.ofSeconds(5));
  }

  /**
   * @param revisionWait how long runs stay held for the rest of a partial schedule revision after the last
   *     record arrived
   * @param maxHold the longest runs stay held in all (below the allocator's own 10 s limit)
   */
  MachineStateConsumer(KafkaProperties kafka, EventCodec codec, Handler handler, Hold allocation,
      DeadLetters deadLetters, MeterRegistry meters, Duration maxRetryInterval, Clock clock, Duration revisionWait,
      Duration maxHold) {
    this.kafka = kafka;
    this.codec = codec;
    this.handler = handler;
    this.allocation = allocation;
    this.deadLetters = deadLetters;
    this.meters = meters;
    this.maxRetryInterval = maxRetryInterval;
    this.clock = clock;
    this.revisionWait = revisionWait;
    this.maxHold = maxHold;
  }

  private void loop() {
    Map<String, Object> props = kafka.buildConsumerProperties();
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    while (running) {
      try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
        consumer = c;
        if (!running) {
          return;
        }
        consume(c);
      } catch (WakeupException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          log.warn("The machine-state consumer failed ({}); reconnecting", e.toString());
          pauseQuietly(RECONNECT);
        }
      } finally {
        consumer = null;
      }
    }
  }

  /** Reads until stopped; resumes after the last applied record of each partition. */
  private void consume(KafkaConsumer<String, String> c) throws InterruptedException {
    AutoCloseable metrics = ConsumerMetrics.bind(meters, c, NAME);
    try {
      List<TopicPartition> partitions = List.of();
      while (running && partitions.isEmpty()) {
        partitions = c.partitionsFor(Topics.MACHINE_STATE, Duration.ofSeconds(5)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
          pause(Duration.ofMillis(500));
        }
      }
      c.assign(partitions);
      for (TopicPartition p : partitions) {
        Long next = positions.get(p);
        if (next == null) {
          c.seekToBeginning(List.of(p));
        } else {
          c.seek(p, next);
        }
      }
      while (running) {
        ConsumerRecords<String, String> records = c.poll(pollTimeout());
        if (!records.isEmpty()) {
          processTogether(records);
        } else {
          releaseUnlessAwaiting();
        }
      }
    } finally {
      release();
      try {
        metrics.close();
      } catch (Exception e) {
        log.debug("Could not unbind the machine-state consumer's metrics", e);
      }
    }
  }

  /**
   * Applies the records of one poll with allocation runs {@linkplain Hold held} back, each as {@link #process}
   * does; runs stay held after the poll while a schedule revision has arrived only in part
   * ({@link PartialRevisions}), until its last change arrives, no record came for {@code revisionWait}, or
   * runs were held for {@code maxHold}.
   */
  void processTogether(Iterable<ConsumerRecord<String, String>> records) throws InterruptedException {
    if (!holding) {
      allocation.hold();
      holding = true;
      heldAt = clock.millis();
    }
    try {
      for (ConsumerRecord<String, String> record : records) {
        Envelope applied = process(record);
        positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        if (applied != null) {
          partial.arrived((MachineStateChanged) applied.payload(), applied.occurredAt(), clock.instant());
        }
      }
    } catch (InterruptedException | RuntimeException e) {
      release();
      throw e;
    }
    lastArrivalAt = clock.millis();
    releaseUnlessAwaiting();
  }

  /** Ends the hold unless a schedule revision is partial and neither wait has run out. */
  void releaseUnlessAwaiting() {
    if (!holding) {
      return;
    }
    long now = clock.millis();
    if (partial.awaited() && now - lastArrivalAt < revisionWait.toMillis() && now - heldAt < maxHold.toMillis()) {
      return;
    }
    if (partial.awaited()) {
      log.warn("Schedule revision(s) {} arrived only in part; allocating without the rest", partial.giveUp());
    }
    release();
  }

  private void release() {
    if (holding) {
      holding = false;
      allocation.release();
    }
  }

  private Duration pollTimeout() {
    if (!holding) {
      return POLL;
    }
    long now = clock.millis();
    long left = Math.min(lastArrivalAt + revisionWait.toMillis() - now, heldAt + maxHold.toMillis() - now);
    return Duration.ofMillis(Math.max(10, Math.min(POLL.toMillis(), left)));
  }

  /**
   * Applies one record: returns once it is applied (its envelope) or skipped (dead-lettered, {@code null});
   * retries while the failure is the infrastructure's.
   *
   * @throws InterruptedException when stopped while waiting to retry
   */
  Envelope process(ConsumerRecord<String, String> record) throws InterruptedException {
    if (record.value() == null) {
      return null;
    }
    Envelope envelope;
    MachineStateChanged change;
    try {
      envelope = codec.read(record.value());
      if (!(envelope.payload() instanceof MachineStateChanged c) || c.machine() == null || c.mode() == null) {
        deadLetters.skip(NAME, record, "not a MachineStateChanged with a machine and a mode");
        return null;
      }
      change = c;
    } catch (EventCodec.MalformedEventException e) {
      deadLetters.skip(NAME, record, "unreadable: " + e.getMessage());
      return null;
    }
    Duration wait = Duration.ofMillis(100);
    while (true) {
      try {
        log.info("Machine {} is {} (was {})", change.machine(), change.mode(), change.previousMode());
        handler.apply(change);
        return envelope;
      } catch (RuntimeException e) {
        if (!ConsumerErrorHandling.isInfrastructureFailure(e)) {
          deadLetters.skip(NAME, record, e.toString());
          return null;
        }
        log.warn("Cannot apply the machine state at {}-{}@{} yet ({}); retrying in {} ms", record.topic(),
            record.partition(), record.offset(), e.toString(), wait.toMillis());
        pause(wait);
        wait = wait.multipliedBy(2).compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait.multipliedBy(2);
      }
    }
  }

  private static void pause(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }

  private void pauseQuietly(Duration d) {
    try {
      pause(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::loop, "machine-state-consumer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    Thread t = thread;
    if (t != null) {
      // the woken consumer closes itself on its thread; interrupt only one that does not end in time (an
      // interrupted close logs "Failed to close fetcher" and may leave the group late)
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.isAlive()) {
        t.interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
