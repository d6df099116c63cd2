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
 * records of one poll are applied with allocation runs held back until all are ({@link Batch}).
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

  /** Applies one machine's new state. */
  @FunctionalInterface
  interface Handler {
    void apply(MachineStateChanged change);
  }

  /** Applications that must reach the allocator together. */
  @FunctionalInterface
  interface Work {
    void run() throws InterruptedException;
  }

  /**
   * Runs the applications of one poll together: allocation runs are held back meanwhile, so that the
   * machines of one posted schedule (one record each, possibly on several partitions) are offered with
   * their unavailability together and no run in between offers one of them without it.
   */
  @FunctionalInterface
  interface Batch {
    void together(Work work) throws InterruptedException;
  }

  private final KafkaProperties kafka;
  private final EventCodec codec;
  private final Handler handler;
  private final Batch batch;
  private final DeadLetters deadLetters;
  private final MeterRegistry meters;
  private final Duration maxRetryInterval;
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private volatile KafkaConsumer<String, String> consumer;
  private volatile Thread thread;
  private volatile boolean running;

  @Autowired
  MachineStateConsumer(KafkaProperties kafka, EventCodec codec, AgentRegistry agents, DeadLetters deadLetters,
      ObjectProvider<MeterRegistry> meters) {
    this(kafka, codec, change -> agents.machineChanged(change.machine(), change.mode(), change.unavailability()),
        work -> {
          agents.deferAllocation();
          try {
            work.run();
          } finally {
            agents.resumeAllocation();
          }
        }, deadLetters, meters.getIfAvailable(), Duration.ofSeconds(5));
  }

  MachineStateConsumer(KafkaProperties kafka, EventCodec codec, Handler handler, Batch batch,
      DeadLetters deadLetters, MeterRegistry meters, Duration maxRetryInterval) {
    this.kafka = kafka;
    this.codec = codec;
    this.handler = handler;
    this.batch = batch;
    this.deadLetters = deadLetters;
    this.meters = meters;
    this.maxRetryInterval = maxRetryInterval;
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
        ConsumerRecords<String, String> records = c.poll(Duration.ofSeconds(1));
        if (!records.isEmpty()) {
          processTogether(records);
        }
      }
    } finally {
      try {
        metrics.close();
      } catch (Exception e) {
        log.debug("Could not unbind the machine-state consumer's metrics", e);
      }
    }
  }

  /** Applies the records of one poll {@linkplain Batch together}, each as {@link #process} does. */
  void processTogether(Iterable<ConsumerRecord<String, String>> records) throws InterruptedException {
    batch.together(() -> {
      for (ConsumerRecord<String, String> record : records) {
        process(record);
        positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
      }
    });
  }

  /**
   * Applies one record: returns once it is applied or skipped (dead-lettered); retries while the failure
   * is the infrastructure's.
   *
   * @throws InterruptedException when stopped while waiting to retry
   */
  void process(ConsumerRecord<String, String> record) throws InterruptedException {
    if (record.value() == null) {
      return;
    }
    MachineStateChanged change;
    try {
      Envelope envelope = codec.read(record.value());
      if (!(envelope.payload() instanceof MachineStateChanged c) || c.machine() == null || c.mode() == null) {
        deadLetters.skip(NAME, record, "not a MachineStateChanged with a machine and a mode");
        return;
      }
      change = c;
    } catch (EventCodec.MalformedEventException e) {
      deadLetters.skip(NAME, record, "unreadable: " + e.getMessage());
      return;
    }
    Duration wait = Duration.ofMillis(100);
    while (true) {
      try {
        log.info("Machine {} is {} (was {})", change.machine(), change.mode(), change.previousMode());
        handler.apply(change);
        return;
      } catch (RuntimeException e) {
        if (!ConsumerErrorHandling.isInfrastructureFailure(e)) {
          deadLetters.skip(NAME, record, e.toString());
          return;
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
