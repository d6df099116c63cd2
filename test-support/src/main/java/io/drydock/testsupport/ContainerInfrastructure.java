package io.drydock.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL and Kafka in containers, used only on explicit opt-in because machines without a Docker
 * engine (or without a registry to pull from) cannot run them.
 */
final class ContainerInfrastructure implements Infrastructure {

  private final PostgreSQLContainer postgres;
  private final KafkaContainer kafka;

  private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  static Infrastructure start() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException(
          "drydock.test.infra=testcontainers was asked for but no Docker engine is reachable");
    }
    PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
    KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
    postgres.start();
    kafka.start();
    ContainerInfrastructure infrastructure = new ContainerInfrastructure(postgres, kafka);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      kafka.stop();
      postgres.stop();
    }, "drydock-test-containers-stop"));
    return infrastructure;
  }

  @Override
  public String jdbcUrl() {
    return postgres.getJdbcUrl();
  }

  @Override
  public String username() {
    return postgres.getUsername();
  }

  @Override
  public String password() {
    return postgres.getPassword();
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }
}
