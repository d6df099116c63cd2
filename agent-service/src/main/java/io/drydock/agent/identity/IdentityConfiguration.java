package io.drydock.agent.identity;

import io.drydock.agent.identity.persistence.JdbcAgentIdStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the identity feature. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

  @Bean
  AgentIdStore agentIdStore(JdbcTemplate jdbc) {
    return new JdbcAgentIdStore(jdbc);
  }

  @Bean
  IdentityDetector identityDetector() {
    return new IdentityDetector(System.getenv());
  }
}
