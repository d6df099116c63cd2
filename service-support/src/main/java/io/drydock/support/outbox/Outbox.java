package io.drydock.support.outbox;

import io.drydock.events.Envelope;
import io.drydock.support.kafka.EventCodec;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the outbox table inside the caller's transaction, so they commit (or roll back)
 * together with the state change that caused them. The relay is woken after the commit.
 */
public class Outbox {

  private final JdbcTemplate jdbc;
  private final EventCodec codec;
  private final Runnable wakeRelay;

  public Outbox(JdbcTemplate jdbc, EventCodec codec, Runnable wakeRelay) {
    this.jdbc = jdbc;
    this.codec = codec;
    this.wakeRelay = wakeRelay;
  }

  /**
   * Records an event for publication on {@code topic}, keyed by the payload's partition key.
   *
   * @throws IllegalStateException when called outside a transaction: an event without its state
   *     change (or the reverse) is exactly what the outbox exists to prevent
   */
  public void append(String topic, Envelope envelope) {
    appendAll(List.of(new Pending(topic, envelope)));
  }

  /**
   * Records several events in one batched insert, in list order (the relay publishes them in that order).
   *
   * @throws IllegalStateException when called outside a transaction (see {@link #append})
   */
  public void appendAll(List<Pending> events) {
    insert(events.stream().map(e -> new Message(e.topic(), e.envelope().payload().partitionKey(),
        e.envelope().eventId(), e.envelope().type(), codec.write(e.envelope()))).toList());
  }

  /**
   * Records a message whose value is not an {@link Envelope} (the audit topic carries plain
   * {@code AuditRecord} JSON); the relay publishes it as is, with {@code eventId} and {@code type} headers.
   *
   * @throws IllegalStateException when called outside a transaction (see {@link #append})
   */
  public void appendMessage(Message message) {
    insert(List.of(message));
  }

  private void insert(List<Message> messages) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Outbox.append must run inside the transaction of the state change");
    }
    if (messages.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "INSERT INTO outbox (event_id, topic, record_key, event_type, payload) VALUES (?, ?, ?, ?, ?)",
        messages, messages.size(), (ps, m) -> {
          ps.setObject(1, m.eventId());
          ps.setString(2, m.topic());
          ps.setString(3, m.key());
          ps.setString(4, m.type());
          ps.setString(5, m.payload());
        });
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        wakeRelay.run();
      }
    });
  }

  /** An event to record for publication on {@code topic}. */
  public record Pending(String topic, Envelope envelope) {}

  /** A record to publish as is: its Kafka key, event id (the consumers' idempotency key), type and value. */
  public record Message(String topic, String key, UUID eventId, String type, String payload) {}
}
