package io.drydock.sdk;

import io.drydock.events.DrydockEvent;
import io.drydock.events.Envelope;
import io.drydock.events.FrameworkError;
import io.drydock.events.InverseOfferEvent;
import io.drydock.events.InverseOfferRescinded;
import io.drydock.events.OfferEvent;
import io.drydock.events.OfferRescinded;
import io.drydock.events.TaskStatusUpdate;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Consumes the framework's topic with a consumer group named after the framework id (the master
 * counts the framework as connected while the group has a live member), hands each event once to the
 * scheduler and commits offsets after the callbacks returned (asynchronously; synchronously when it stops).
 * Redelivered events (same event id) are dropped; unreadable records are logged and skipped.
 */
final class EventLoop implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
  private static final int REMEMBERED_EVENTS = 10_000;
  static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);

  private final KafkaConsumer<String, String> consumer;
  private final String topic;
  private final Dispatcher dispatcher;
  private final EnvelopeReader envelopes = new EnvelopeReader();
  private final Map<UUID, Boolean> seen = new LinkedHashMap<>(REMEMBERED_EVENTS, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
      return size() > REMEMBERED_EVENTS;
    }
  };
  private volatile boolean running = true;
  private boolean uncommitted;
  private long lastCommit = System.nanoTime();

  EventLoop(String bootstrapServers, String frameworkId, String topic, Dispatcher dispatcher) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, frameworkId);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "drydock-sdk-" + frameworkId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    this.topic = topic;
    this.dispatcher = dispatcher;
  }

  /**
   * Polls and hands events to the scheduler; the consumed offsets are committed at most every
   * {@link #COMMIT_INTERVAL} (at a high event rate a commit per poll costs the broker more than the events),
   * when partitions are taken away and when the loop stops. Events handled but not yet committed when the
   * process dies come again to the next consumer, which is why callbacks must tolerate a repeat.
   */
  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          commitHandledNow();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
      });
      while (running) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, String> record : records) {
          handle(record.value());
        }
        uncommitted |= !records.isEmpty();
        if (System.nanoTime() - lastCommit >= COMMIT_INTERVAL.toNanos()) {
          commitIfHandled();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      try {
        commitHandledNow();
      } catch (RuntimeException e) {
        log.warn("Could not commit the last consumed events on {}: {}", topic, e.toString());
      }
      consumer.close();
    }
  }

  /** Before partitions go to another consumer and when stopping: waits for the broker (at most 2 s). */
  private void commitHandledNow() {
    if (uncommitted) {
      consumer.commitSync(Duration.ofSeconds(2));
      uncommitted = false;
    }
  }

  /** In the loop: asynchronous, as a synchronous commit holds the next poll back by a broker round trip. */
  private void commitIfHandled() {
    if (uncommitted) {
      consumer.commitAsync();
      uncommitted = false;
    }
    lastCommit = System.nanoTime();
  }

  void stop() {
    running = false;
    consumer.wakeup();
  }

  private void handle(String value) {
    Envelope envelope;
    try {
      envelope = envelopes.read(value);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      log.warn("Skipping an unreadable event on {}: {}", topic, e.getMessage());
      return;
    }
    if (envelope == null || seen.put(envelope.eventId(), Boolean.TRUE) != null) {
      return;
    }
    try {
      dispatcher.accept(envelope.payload());
    } catch (RuntimeException e) {
      log.error("The scheduler failed on {} {}", envelope.type(), envelope.eventId(), e);
    }
  }

  /** Routes an event to the scheduler's callback. */
  static final class Dispatcher implements Consumer<DrydockEvent> {
    private final Scheduler scheduler;
    private final SchedulerDriver driver;
    private final Consumer<TaskStatusUpdate> afterUpdate;
    private final Consumer<String> onError;

    Dispatcher(Scheduler scheduler, SchedulerDriver driver, Consumer<TaskStatusUpdate> afterUpdate,
        Consumer<String> onError) {
      this.scheduler = scheduler;
      this.driver = driver;
      this.afterUpdate = afterUpdate;
      this.onError = onError;
    }

    @Override
    public void accept(DrydockEvent event) {
      if (event instanceof OfferEvent offer) {
        scheduler.offer(driver, offer);
      } else if (event instanceof OfferRescinded rescind) {
        scheduler.offerRescinded(driver, rescind);
      } else if (event instanceof InverseOfferEvent inverse) {
        scheduler.inverseOffer(driver, inverse);
      } else if (event instanceof InverseOfferRescinded rescind) {
        scheduler.inverseOfferRescinded(driver, rescind);
      } else if (event instanceof TaskStatusUpdate update) {
        scheduler.statusUpdate(driver, update);
        afterUpdate.accept(update);
      } else if (event instanceof FrameworkError error) {
        scheduler.error(driver, error.message());
        onError.accept(error.message());
      } else {
        log.debug("Ignoring {}", event.typeName());
      }
    }
  }
}
