package io.drydock.support.outbox;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers which events a consumer has processed, so a redelivered event changes nothing. Call
 * {@link #firstTime} inside the transaction that applies the event: if that transaction rolls back,
 * the event counts as unprocessed.
 */
public class ProcessedEvents {

  private final JdbcTemplate jdbc;

  public ProcessedEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Marks the event processed by {@code consumer}; {@code false} when it already was. */
  public boolean firstTime(String consumer, UUID eventId) {
    return jdbc.update(
            "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            consumer, eventId)
        == 1;
  }
}
