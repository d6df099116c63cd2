package io.drydock.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a Spring context at the JVM's shared PostgreSQL and Kafka. */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Infrastructure infrastructure = Infrastructure.get();
    TestPropertyValues.of(
            "spring.datasource.url=" + infrastructure.jdbcUrl(),
            "spring.datasource.username=" + infrastructure.username(),
            "spring.datasource.password=" + infrastructure.password(),
            "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers())
        .applyTo(context);
  }
}
