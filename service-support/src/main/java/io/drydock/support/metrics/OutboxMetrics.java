package io.drydock.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outbox lag, as operators watch it: {@code drydock.outbox.rows} (events committed and not yet
 * acknowledged by Kafka) and {@code drydock.outbox.oldest.age} (seconds since the oldest of them was
 * committed; 0 when empty). Both come from one query, run at most once per {@code refresh}; when the
 * database does not answer they read NaN rather than failing the scrape.
 */
public class OutboxMetrics implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration refresh;
  private Instant readAt = Instant.MIN;
  private double rows = Double.NaN;
  private double oldestAge = Double.NaN;

  public OutboxMetrics(JdbcTemplate jdbc, Clock clock, Duration refresh) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.refresh = refresh;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("drydock.outbox.rows", this, OutboxMetrics::rows)
        .description("Events committed to the outbox and not yet published to Kafka")
        .register(registry);
    Gauge.builder("drydock.outbox.oldest.age", this, OutboxMetrics::oldestAge)
        .description("Age of the oldest unpublished outbox event")
        .baseUnit("seconds")
        .register(registry);
  }

  synchronized double rows() {
    read();
    return rows;
  }

  synchronized double oldestAge() {
    read();
    return oldestAge;
  }

  private void read() {
    Instant now = clock.instant();
    if (readAt.plus(refresh).isAfter(now)) {
      return;
    }
    readAt = now;
    try {
      jdbc.query("SELECT count(*), COALESCE(EXTRACT(EPOCH FROM (now() - min(created_at))), 0) FROM outbox",
          rs -> {
            rows = rs.getLong(1);
            oldestAge = Math.max(0, rs.getDouble(2));
          });
    } catch (RuntimeException e) {
      log.debug("Cannot read the outbox lag: {}", e.getMessage());
      rows = Double.NaN;
      oldestAge = Double.NaN;
    }
  }
}
