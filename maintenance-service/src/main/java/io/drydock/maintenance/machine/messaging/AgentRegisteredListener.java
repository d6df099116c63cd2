package io.drydock.maintenance.machine.messaging;

import io.drydock.events.AgentRegistered;
import io.drydock.events.Topics;
import io.drydock.maintenance.machine.MaintenanceService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns from the master which machines host agents ({@code drydock.agents}), so that, as in Mesos, such
 * a machine is known (UP) to {@code /machine/down} and {@code /machine/up}. Each event is applied at most
 * once; unreadable records are dead-lettered and skipped.
 */
@Component
public class AgentRegisteredListener {

  static final String CONSUMER = "maintenance-service.agents";

  private final EventIntake intake;
  private final MaintenanceService maintenance;

  AgentRegisteredListener(EventIntake intake, MaintenanceService maintenance) {
    this.intake = intake;
    this.maintenance = maintenance;
  }

  @KafkaListener(id = "maintenance-agents", topics = Topics.AGENTS,
      groupId = "${drydock.maintenance.consumer-group:maintenance-service}")
  void onRecord(ConsumerRecord<String, String> record) {
    intake.accept(record, CONSUMER, AgentRegistered.class,
        r -> r.machine() != null && EventIntake.storable(r.machine().hostname())
            && EventIntake.storable(r.machine().ip()),
        (envelope, registered) -> maintenance.agentRegistered(registered.machine()));
  }
}
