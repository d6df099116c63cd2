package io.drydock.maintenance.machine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code drydock.maintenance.draining.overdue}: machines still DRAINING although their maintenance window has
 * started — the operator has not taken them down yet (what the console highlights). Read at most once a
 * second; NaN when the database does not answer, rather than failing the scrape.
 */
@Component
class OverdueDrainingMetrics implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(OverdueDrainingMetrics.class);
  private static final Duration REFRESH = Duration.ofSeconds(1);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private Instant readAt = Instant.MIN;
  private double overdue = Double.NaN;

  OverdueDrainingMetrics(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("drydock.maintenance.draining.overdue", this, OverdueDrainingMetrics::overdue)
        .description("Machines in DRAINING mode whose maintenance window has already started")
        .register(registry);
  }

  synchronized double overdue() {
    Instant now = clock.instant();
    if (now.isBefore(readAt.plus(REFRESH))) {
      return overdue;
    }
    readAt = now;
    long nowNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    try {
      Long count = jdbc.queryForObject(
          "SELECT count(*) FROM maintenance.machine WHERE mode = 'DRAINING' AND start_nanos <= ?", Long.class,
          nowNanos);
      overdue = count == null ? 0 : count;
    } catch (RuntimeException e) {
      log.debug("Could not count overdue DRAINING machines: {}", e.toString());
      overdue = Double.NaN;
    }
    return overdue;
  }
}
