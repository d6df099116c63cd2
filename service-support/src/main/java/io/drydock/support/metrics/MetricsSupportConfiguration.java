package io.drydock.support.metrics;

import io.drydock.support.kafka.KafkaSupportConfiguration;
import io.drydock.support.outbox.OutboxConfiguration;
import io.drydock.support.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Metrics every service shares: outbox lag, when the service has an outbox (the dead-letter counter
 * lives with {@link io.drydock.support.kafka.DeadLetters}). The registry itself is Spring Boot's (Prometheus, scraped at
 * {@code /actuator/prometheus} in the read-only realm).
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, KafkaSupportConfiguration.class, OutboxConfiguration.class})
public class MetricsSupportConfiguration {

  @Bean
  @ConditionalOnBean(OutboxRelay.class)
  OutboxMetrics drydockOutboxMetrics(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
    return new OutboxMetrics(jdbc, clock.getIfAvailable(Clock::systemUTC), Duration.ofSeconds(1));
  }
}
