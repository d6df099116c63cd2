package io.drydock.maintenance.machine.messaging;

import io.drydock.events.InverseOfferResponded;
import io.drydock.events.Topics;
import io.drydock.maintenance.machine.MaintenanceService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the frameworks' inverse-offer answers relayed by the master. Each event is applied at most once
 * (its id is recorded in the same transaction); unreadable records and other event types are counted,
 * sent to {@code drydock.inverse-offer-responses.dlt} and skipped so they never block the partition.
 */
@Component
public class InverseOfferResponseListener {

  /** The consumer name in the processed-events ledger. */
  static final String CONSUMER = "maintenance-service.inverse-offer-responses";

  private final EventIntake intake;
  private final MaintenanceService maintenance;

  InverseOfferResponseListener(EventIntake intake, MaintenanceService maintenance) {
    this.intake = intake;
    this.maintenance = maintenance;
  }

  @KafkaListener(id = "maintenance-inverse-offer-responses", topics = Topics.INVERSE_OFFER_RESPONSES,
      groupId = "${drydock.maintenance.consumer-group:maintenance-service}")
  void onRecord(ConsumerRecord<String, String> record) {
    intake.accept(record, CONSUMER, InverseOfferResponded.class, InverseOfferResponseListener::isComplete,
        (envelope, response) -> maintenance.inverseOfferResponded(envelope.eventId(), response));
  }

  private static boolean isComplete(InverseOfferResponded r) {
    return r.frameworkId() != null && r.agentId() != null && r.machine() != null && r.response() != null
        && r.respondedAt() != null && EventIntake.storable(r.frameworkId()) && EventIntake.storable(r.agentId())
        && (r.machine().hostname() == null || EventIntake.storable(r.machine().hostname()))
        && (r.machine().ip() == null || EventIntake.storable(r.machine().ip()));
  }
}
