package io.drydock.support.outbox;

import io.drydock.support.kafka.EventCodec;
import io.drydock.support.kafka.KafkaSupportConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox, its relay and the processed-events ledger, for services with a database. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, KafkaSupportConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
    TransactionAutoConfiguration.class})
@ConditionalOnProperty(prefix = "drydock.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean({JdbcTemplate.class, KafkaTemplate.class, TransactionTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

  @Bean
  OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions,
      KafkaTemplate<String, String> kafka, OutboxProperties properties) {
    return new OutboxRelay(jdbc, transactions, kafka, properties);
  }

  @Bean
  Outbox outbox(JdbcTemplate jdbc, EventCodec codec, ObjectProvider<OutboxRelay> relay) {
    return new Outbox(jdbc, codec, () -> relay.ifAvailable(OutboxRelay::wakeUp));
  }

  @Bean
  ProcessedEvents processedEvents(JdbcTemplate jdbc) {
    return new ProcessedEvents(jdbc);
  }
}
