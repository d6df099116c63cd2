package io.drydock.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Binds a hand-rolled {@link Consumer}'s client metrics to Micrometer, so its lag
 * ({@code kafka.consumer.fetch.manager.records.lag}, {@code ...records.lag.max}) shows beside the
 * listener containers' (which Spring Boot binds itself). Close the returned handle with the consumer.
 */
public final class ConsumerMetrics {

  private ConsumerMetrics() {}

  /**
   * @param registry the registry, or {@code null} (then nothing is bound)
   * @return the binder to close when the consumer closes; a no-op when there is no registry
   */
  public static AutoCloseable bind(MeterRegistry registry, Consumer<?, ?> consumer, String name) {
    if (registry == null) {
      return () -> {};
    }
    KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, List.of(Tag.of("consumer", name)));
    metrics.bindTo(registry);
    return metrics;
  }
}
