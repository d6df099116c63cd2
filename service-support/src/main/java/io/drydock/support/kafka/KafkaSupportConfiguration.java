package io.drydock.support.kafka;

import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Control-plane producer defaults: {@code linger.ms=0} (Kafka 4 defaults to 5 ms, which costs ~6 ms per
 * hop) with batches of up to 128 KiB per partition (what queued while the previous request was in flight
 * goes in one request: an outbox relay pass of thousands of events to one framework's partition took
 * hundreds of 16 KiB requests) and 64 MiB of buffer, {@code acks=all} and idempotence; plus the Kafka health indicator used by {@code /readyz} and the
 * {@link DeadLetters} every consumer sends poison records to.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class KafkaSupportConfiguration {

  @Bean
  DefaultKafkaProducerFactoryCustomizer drydockProducerDefaults() {
    return factory -> {
      factory.updateConfigs(java.util.Map.of(
          ProducerConfig.LINGER_MS_CONFIG, 0,
          ProducerConfig.BATCH_SIZE_CONFIG, 131_072,
          ProducerConfig.BUFFER_MEMORY_CONFIG, 67_108_864L,
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
          ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
          ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000));
    };
  }

  @Bean(name = "kafkaHealthIndicator")
  @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
  KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
    return new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
  }

  @Bean
  @ConditionalOnMissingBean
  DeadLetters drydockDeadLetters(ObjectProvider<KafkaTemplate<String, String>> kafka,
      ObjectProvider<MeterRegistry> meters, Environment environment) {
    return new DeadLetters(kafka.getIfAvailable(), meters.getIfAvailable(),
        environment.getProperty("spring.application.name", ""));
  }

  /** Picked up by Spring Boot for every listener container: see {@link ConsumerErrorHandling}. */
  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  DefaultErrorHandler drydockKafkaErrorHandler(DeadLetters deadLetters) {
    return ConsumerErrorHandling.errorHandler(deadLetters, Duration.ofSeconds(5));
  }

  @Bean
  @ConditionalOnMissingBean
  EventCodec eventCodec() {
    return new EventCodec();
  }
}
