package io.drydock.master.maintenance;

import io.drydock.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The maintenance topics the master reads and writes, declared here too (with maintenance-service's
 * defaults: 3 partitions) so whichever service starts first creates them right.
 */
@Configuration(proxyBeanMethods = false)
class MaintenanceConfiguration {

  @Bean
  NewTopic masterMachineStateTopic() {
    return TopicBuilder.name(Topics.MACHINE_STATE).partitions(3).compact().build();
  }

  @Bean
  NewTopic masterInverseOfferResponsesTopic() {
    return TopicBuilder.name(Topics.INVERSE_OFFER_RESPONSES).partitions(3).build();
  }
}
