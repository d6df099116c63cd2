package io.drydock.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Where consumers put records they cannot apply (poison messages): the record goes, key, value and
 * headers unchanged, to {@code <topic>.dlt} with headers naming its origin ({@code dlt-original-topic},
 * {@code dlt-original-partition}, {@code dlt-original-offset}), the consumer and the reason; the
 * consumer then moves on, so one bad record never blocks a partition. Every skipped record counts in
 * {@code drydock.consumer.dead.letters} (tags {@code consumer}, {@code topic}) whether or not the
 * dead-letter send succeeds; a failed send is logged, never retried, and never stops the consumer.
 */
public class DeadLetters {

  /** The suffix of a dead-letter topic. */
  public static final String SUFFIX = ".dlt";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final KafkaTemplate<String, String> kafka;
  private final MeterRegistry meters;
  private final String application;

  /**
   * @param kafka the producer, or {@code null} to count and log only
   * @param meters where the counters live, or {@code null} for none
   * @param application the service that skipped the record (header {@code dlt-application}): consumers
   *     without a group, such as the ACL snapshot readers, skip a poison record once per service replica
   */
  public DeadLetters(KafkaTemplate<String, String> kafka, MeterRegistry meters, String application) {
    this.kafka = kafka;
    this.meters = meters == null ? new CompositeMeterRegistry() : meters;
    this.application = application == null ? "" : application;
  }

  /** The dead-letter topic of {@code topic}. */
  public static String topicOf(String topic) {
    return topic + SUFFIX;
  }

  /**
   * Counts, logs and dead-letters a record the consumer skips.
   *
   * @param consumer the consumer's name (a metric tag)
   * @param record the record as it was read
   * @param reason why it cannot be applied, for the log and the {@code dlt-reason} header
   */
  public void skip(String consumer, ConsumerRecord<?, ?> record, String reason) {
    counter(consumer, record.topic()).increment();
    log.warn("{} dead-letters the record at {}-{}@{}: {}", consumer, record.topic(), record.partition(),
        record.offset(), reason);
    if (kafka == null) {
      return;
    }
    try {
      ProducerRecord<String, String> dead =
          new ProducerRecord<>(topicOf(record.topic()), null, text(record.key()), text(record.value()));
      for (Header header : record.headers()) {
        dead.headers().add(header);
      }
      dead.headers()
          .add("dlt-original-topic", bytes(record.topic()))
          .add("dlt-original-partition", bytes(String.valueOf(record.partition())))
          .add("dlt-original-offset", bytes(String.valueOf(record.offset())))
          .add("dlt-consumer", bytes(consumer))
          .add("dlt-application", bytes(application))
          .add("dlt-reason", bytes(reason == null ? "" : truncate(reason)));
      kafka.send(dead).whenComplete((result, failure) -> {
        if (failure != null) {
          log.error("Could not dead-letter the record at {}-{}@{}: {}", record.topic(), record.partition(),
              record.offset(), failure.getMessage());
        }
      });
    } catch (RuntimeException e) {
      log.error("Could not dead-letter the record at {}-{}@{}: {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }

  /** How many records {@code consumer} dead-lettered from {@code topic} since start. */
  public double count(String consumer, String topic) {
    return counter(consumer, topic).count();
  }

  private Counter counter(String consumer, String topic) {
    return Counter.builder("drydock.consumer.dead.letters")
        .description("Records a consumer could not apply, skipped and sent to <topic>.dlt")
        .tag("consumer", consumer)
        .tag("topic", topic)
        .register(meters);
  }

  private static String truncate(String reason) {
    return reason.length() <= 1_000 ? reason : reason.substring(0, 1_000);
  }

  private static String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    return value instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : value.toString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
