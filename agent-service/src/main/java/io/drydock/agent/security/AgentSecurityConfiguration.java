package io.drydock.agent.security;

import io.drydock.support.security.HttpRealms;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agent's endpoints are read-write (the master calls them with its credentials). Allowed master → agent
 * calls (launch, kill, shutdown) are agent-protocol traffic and not audited; refused ones are.
 */
@Configuration(proxyBeanMethods = false)
class AgentSecurityConfiguration {

  @Bean
  HttpRealms httpRealms() {
    return HttpRealms.builder().unaudited("/agent/v1/**").build();
  }
}
