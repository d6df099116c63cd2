package io.drydock.maintenance.machine.messaging;

import io.drydock.events.DrydockEvent;
import io.drydock.events.Envelope;
import io.drydock.support.kafka.DeadLetters;
import io.drydock.support.kafka.EventCodec;
import io.drydock.support.outbox.ProcessedEvents;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every consumer of this service does with a record: read the envelope, dead-letter and skip what
 * is unreadable or not the expected, complete event (so it never blocks the partition), and apply the
 * rest at most once, recording its id in the same transaction.
 */
@Component
class EventIntake {

  private final EventCodec codec;
  private final ProcessedEvents processed;
  private final TransactionTemplate transactions;
  private final DeadLetters deadLetters;

  EventIntake(EventCodec codec, ProcessedEvents processed, TransactionTemplate transactions,
      DeadLetters deadLetters) {
    this.codec = codec;
    this.processed = processed;
    this.transactions = transactions;
    this.deadLetters = deadLetters;
  }

  /**
   * Applies the record's event once.
   *
   * @param consumer the consumer's name in the processed-events ledger and the dead-letter records
   * @param type the expected event type
   * @param complete whether the event carries everything {@code apply} needs
   * @param apply applies the event, inside the transaction that records its id
   */
  <T extends DrydockEvent> void accept(ConsumerRecord<String, String> record, String consumer, Class<T> type,
      Predicate<T> complete, BiConsumer<Envelope, T> apply) {
    if (record.value() == null) {
      return;
    }
    Envelope envelope;
    try {
      envelope = codec.read(record.value());
    } catch (EventCodec.MalformedEventException e) {
      deadLetters.skip(consumer, record, "unreadable: " + e.getMessage());
      return;
    }
    if (!type.isInstance(envelope.payload()) || !complete.test(type.cast(envelope.payload()))) {
      deadLetters.skip(consumer, record,
          "not a complete " + type.getSimpleName() + " (" + envelope.type() + ")");
      return;
    }
    T event = type.cast(envelope.payload());
    transactions.executeWithoutResult(status -> {
      if (processed.firstTime(consumer, envelope.eventId())) {
        apply.accept(envelope, event);
      }
    });
  }

  /** Whether the text is present and free of NUL characters, which PostgreSQL cannot store. */
  static boolean storable(String value) {
    return value != null && value.indexOf('\u0000') < 0;
  }
}
