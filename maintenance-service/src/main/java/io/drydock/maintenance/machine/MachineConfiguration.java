package io.drydock.maintenance.machine;

import io.drydock.events.Topics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The machine feature's wiring: the clock and the Kafka topics it publishes to and consumes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MachineProperties.class)
class MachineConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** {@code drydock.machine-state}: compacted, keyed by machine, so its latest record per key is the state. */
  @Bean
  NewTopic machineStateTopic(MachineProperties properties) {
    TopicBuilder builder = TopicBuilder.name(Topics.MACHINE_STATE)
        .partitions(properties.topicPartitions())
        .compact();
    if (properties.topicReplicas() > 0) {
      builder.replicas(properties.topicReplicas());
    }
    return builder.build();
  }

  /** {@code drydock.agents}, produced by the master (compacted, keyed by machine); created here if missing. */
  @Bean
  NewTopic agentsTopic(MachineProperties properties) {
    TopicBuilder builder = TopicBuilder.name(Topics.AGENTS).partitions(properties.topicPartitions()).compact();
    if (properties.topicReplicas() > 0) {
      builder.replicas(properties.topicReplicas());
    }
    return builder.build();
  }

  /** {@code drydock.inverse-offer-responses}, produced by the master; created here if missing. */
  @Bean
  NewTopic inverseOfferResponsesTopic(MachineProperties properties) {
    TopicBuilder builder = TopicBuilder.name(Topics.INVERSE_OFFER_RESPONSES).partitions(properties.topicPartitions());
    if (properties.topicReplicas() > 0) {
      builder.replicas(properties.topicReplicas());
    }
    return builder.build();
  }
}
