package io.drydock.bench.scheduler;

import io.drydock.events.Envelope;
import io.drydock.events.OfferEvent;
import io.drydock.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the framework topics beside the framework and notes when the master published each offer (its
 * envelope's {@code occurredAt}, stamped by the allocation actor just before the Kafka send), so a latency
 * can be split into "waiting for an allocation run", "Kafka" (published → this plain consumer got it) and
 * "the SDK" (the framework's callback against this consumer).
 */
final class OfferTap implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final JsonMapper json = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final Map<String, Instant> published = new ConcurrentHashMap<>();
  private final Map<String, Instant> received = new ConcurrentHashMap<>();
  private final List<Instant> publishTimes = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  OfferTap(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "offer-tap-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    thread = new Thread(this::run, "offer-tap");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      consumer.subscribe(Pattern.compile(Pattern.quote(Topics.FRAMEWORK_PREFIX) + ".*"));
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          Instant now = Instant.now();
          Envelope envelope = json.readValue(record.value(), Envelope.class);
          if (envelope != null && envelope.payload() instanceof OfferEvent offer) {
            published.put(offer.offerId(), envelope.occurredAt());
            received.put(offer.offerId(), now);
            synchronized (publishTimes) {
              publishTimes.add(envelope.occurredAt());
            }
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  /** When the master published this offer, or null if the tap has not seen it (yet). */
  Instant published(String offerId) {
    return published.get(offerId);
  }

  /** When this tap (a plain consumer polling in a loop, no commits of its own) got the offer, or null. */
  Instant received(String offerId) {
    return received.get(offerId);
  }

  /**
   * The gaps (ms) between consecutive allocation runs that published offers between {@code from} and
   * {@code to}: offers published less than {@code sameRunMs} apart count as one run.
   */
  List<Double> runGaps(Instant from, Instant to, long sameRunMs) {
    List<Instant> times;
    synchronized (publishTimes) {
      times = publishTimes.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).sorted().toList();
    }
    List<Double> gaps = new ArrayList<>();
    Instant runStart = null;
    Instant previous = null;
    for (Instant t : times) {
      if (previous == null || Duration.between(previous, t).toMillis() >= sameRunMs) {
        if (runStart != null) {
          gaps.add(Duration.between(runStart, t).toNanos() / 1e6);
        }
        runStart = t;
      }
      previous = t;
    }
    return gaps;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5_000);
  }
}
