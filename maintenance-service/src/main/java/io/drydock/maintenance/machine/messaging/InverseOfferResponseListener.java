package io.drydock.maintenance.machine.messaging;

import io.drydock.events.Envelope;
import io.drydock.events.InverseOfferResponded;
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
 * Consumes the frameworks' inverse-offer answers relayed by the master. Each event is applied at most once
 * (its id is recorded in the same transaction); unreadable records and other event types are counted,
 * sent to {@code drydock.inverse-offer-responses.dlt} and skipped so they never block the partition.
 */
@Component
public class InverseOfferResponseListener {

  /** The consumer name in the processed-events ledger. */
  static final String CONSUMER = "maintenance-service.inverse-offer-responses";

  private final EventCodec codec;
  private final ProcessedEvents processed;
  private final TransactionTemplate transactions;
  private final MaintenanceService maintenance;
  private final DeadLetters deadLetters;

  InverseOfferResponseListener(EventCodec codec, ProcessedEvents processed, TransactionTemplate transactions,
      MaintenanceService maintenance, DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
    this.codec = codec;
    this.processed = processed;
    this.transactions = transactions;
    this.maintenance = maintenance;
  }

  @KafkaListener(id = "maintenance-inverse-offer-responses", topics = Topics.INVERSE_OFFER_RESPONSES,
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
    if (!(envelope.payload() instanceof InverseOfferResponded response) || !isComplete(response)) {
      deadLetters.skip(CONSUMER, record, "not a complete InverseOfferResponded (" + envelope.type() + ")");
      return;
    }
    transactions.executeWithoutResult(status -> {
      if (processed.firstTime(CONSUMER, envelope.eventId())) {
        maintenance.inverseOfferResponded(envelope.eventId(), response);
      }
    });
  }

  private static boolean isComplete(InverseOfferResponded r) {
    return r.frameworkId() != null && r.agentId() != null && r.machine() != null && r.response() != null
        && r.respondedAt() != null && !hasNul(r.frameworkId()) && !hasNul(r.agentId())
        && !hasNul(r.machine().hostname()) && !hasNul(r.machine().ip());
  }

  private static boolean hasNul(String value) {
    return value != null && value.indexOf('\u0000') >= 0;
  }
}
