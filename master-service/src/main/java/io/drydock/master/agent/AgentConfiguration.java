package io.drydock.master.agent;

import io.drydock.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The agent feature's settings and the topic it announces registrations on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentProperties.class)
class AgentConfiguration {

  /** {@code drydock.agents}: compacted, keyed by machine — the machines that host (or hosted) agents. */
  @Bean
  NewTopic agentsTopic() {
    return TopicBuilder.name(Topics.AGENTS).partitions(3).compact().build();
  }
}
