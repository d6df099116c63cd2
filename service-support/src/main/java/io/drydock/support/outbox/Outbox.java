package io.drydock.support.outbox;

import io.drydock.events.Envelope;
import io.drydock.support.kafka.EventCodec;
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
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Outbox.append must run inside the transaction of the state change");
    }
    jdbc.update(
        "INSERT INTO outbox (event_id, topic, record_key, event_type, payload) VALUES (?, ?, ?, ?, ?)",
        envelope.eventId(), topic, envelope.payload().partitionKey(), envelope.type(), codec.write(envelope));
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        wakeRelay.run();
      }
    });
  }
}
