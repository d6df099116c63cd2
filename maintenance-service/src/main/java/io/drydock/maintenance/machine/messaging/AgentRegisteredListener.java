package io.drydock.maintenance.machine.messaging;

import io.drydock.events.AgentRegistered;
import io.drydock.events.Envelope;
import io.drydock.events.Topics;
import io.drydock.maintenance.machine.MaintenanceService;
import io.drydock.support.kafka.DeadLetters;
import io.drydock.support.kafka.EventCodec;
import io.drydock.support.outbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Learns from the master which machines host agents ({@code drydock.agents}), so that, as in Mesos, such
 * a machine is known (UP) to {@code /machine/down} and {@code /machine/up}. Each event is applied at most
 * once; unreadable records are dead-lettered and skipped.
 */
@Component
public class AgentRegisteredListener {

  static final String CONSUMER = "maintenance-service.agents";

  private final EventCodec codec;
  private final ProcessedEvents processed;
  private final TransactionTemplate transactions;
  private final MaintenanceService maintenance;
  private final DeadLetters deadLetters;

  AgentRegisteredListener(EventCodec codec, ProcessedEvents processed, TransactionTemplate transactions,
      MaintenanceService maintenance, DeadLetters deadLetters) {
    this.codec = codec;
    this.processed = processed;
    this.transactions = transactions;
    this.maintenance = maintenance;
    this.deadLetters = deadLetters;
  }

  @KafkaListener(id = "maintenance-agents", topics = Topics.AGENTS,
      groupId = "${drydock.maintenance.consumer-group:maintenance-service}")
  void onRecord(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return;
    }
    Envelope envelope;
    try {
      envelope = codec.read(record.value());
    } catch (EventCodec.MalformedEventException e) {
      deadLetters.skip(CONSUMER, record, "unreadable: " + e.getMessage());
      return;
    }
    if (!(envelope.payload() instanceof AgentRegistered registered) || !isComplete(registered)) {
      deadLetters.skip(CONSUMER, record, "not a complete AgentRegistered (" + envelope.type() + ")");
      return;
    }
    transactions.executeWithoutResult(status -> {
      if (processed.firstTime(CONSUMER, envelope.eventId())) {
        maintenance.agentRegistered(registered.machine());
      }
    });
  }

  private static boolean isComplete(AgentRegistered r) {
    return r.machine() != null && r.machine().hostname() != null && r.machine().ip() != null
        && r.machine().hostname().indexOf('\u0000') < 0 && r.machine().ip().indexOf('\u0000') < 0;
  }
}
