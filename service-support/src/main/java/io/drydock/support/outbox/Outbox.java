package io.drydock.support.outbox;

import io.drydock.events.Envelope;
import io.drydock.support.kafka.EventCodec;
import java.util.List;
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
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Outbox.append must run inside the transaction of the state change");
    }
    if (events.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "INSERT INTO outbox (event_id, topic, record_key, event_type, payload) VALUES (?, ?, ?, ?, ?)",
        events, events.size(), (ps, e) -> {
          ps.setObject(1, e.envelope().eventId());
          ps.setString(2, e.topic());
          ps.setString(3, e.envelope().payload().partitionKey());
          ps.setString(4, e.envelope().type());
          ps.setString(5, codec.write(e.envelope()));
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
}
