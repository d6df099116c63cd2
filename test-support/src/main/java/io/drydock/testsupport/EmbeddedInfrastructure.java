package io.drydock.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** zonky's embedded PostgreSQL and spring-kafka-test's KRaft broker, in this JVM. */
final class EmbeddedInfrastructure implements Infrastructure {

  private final EmbeddedPostgres postgres;
  private final EmbeddedKafkaKraftBroker kafka;

  private EmbeddedInfrastructure(EmbeddedPostgres postgres, EmbeddedKafkaKraftBroker kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  static Infrastructure start() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setServerConfig("max_connections", "300")
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .start();
      EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
      kafka.brokerProperties(Map.of(
          "auto.create.topics.enable", "true",
          "offsets.topic.replication.factor", "1",
          "transaction.state.log.replication.factor", "1",
          "transaction.state.log.min.isr", "1",
          "group.initial.rebalance.delay.ms", "0"));
      kafka.afterPropertiesSet();
      EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(postgres, kafka);
      Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "drydock-test-infra-stop"));
      return infrastructure;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
    }
  }

  private void stop() {
    kafka.destroy();
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }

  @Override
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public String username() {
    return "postgres";
  }

  @Override
  public String password() {
    return "postgres";
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBrokersAsString();
  }
}
