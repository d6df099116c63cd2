package io.drydock.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka in the order they were appended ({@code seq}) and deletes exactly
 * the rows Kafka acknowledged. A pass is one transaction: it deletes the oldest rows a batch at a time
 * ({@code DELETE … RETURNING}), sends each batch without waiting for the previous one's acknowledgements
 * (the producer keeps per-partition order), and after at most {@code batchesPerPass} batches waits for
 * all acknowledgements and commits; if any send failed, or Kafka did not acknowledge them all within
 * {@code ackTimeout}, it rolls back, the rows are still there, and the next pass runs after
 * {@code retryBackoff}. Its statements run under a {@code statement_timeout}, so a pass cannot hang. A
 * row whose transaction commits after a batch read the table (it may carry a lower {@code seq}) goes out
 * in a later batch. Delivery is at least once: a crash after the send and before the
 * commit sends the rows again, and consumers drop them by event id. Replicas of a service take turns
 * through a PostgreSQL advisory lock, so per-key order holds with any number of replicas.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /**
   * Deletes the oldest {@code ?} rows and returns them. {@code ARRAY(SELECT …)} makes the batch an InitPlan,
   * evaluated once per statement: with {@code seq IN (SELECT … LIMIT ?)} PostgreSQL may pick a nested-loop
   * semi join that re-runs the LIMIT subquery for every row of the table, quadratic in the backlog (a
   * 100,000-row backlog made one statement take ~40 s and stalled the relay).
   */
  static final String TAKE_BATCH = "DELETE FROM outbox WHERE seq = ANY (ARRAY(SELECT seq FROM outbox ORDER BY seq"
      + " LIMIT ?)) RETURNING seq, event_id, topic, record_key, event_type, payload";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, String> kafka;
  private final OutboxProperties properties;
  private final AtomicBoolean wakeRequested = new AtomicBoolean();
  /** {@code System.nanoTime()} before which passes are skipped (after a failed pass); relay thread only. */
  private long retryAt = System.nanoTime();
  private int failures;
  private ScheduledExecutorService executor;
  private volatile boolean running;

  public OutboxRelay(
      JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
      OutboxProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.properties = properties;
  }

  /** Asks for a relay pass as soon as possible (called after a commit that appended events). */
  public void wakeUp() {
    ScheduledExecutorService current = executor;
    if (running && current != null && wakeRequested.compareAndSet(false, true)) {
      current.execute(this::passSafely);
    }
  }

  /**
   * Publishes everything committed so far, for tests and shutdown.
   *
   * @return how many events were published
   */
  public int drain() {
    int total = 0;
    int published;
    do {
      published = publishPass();
      total += published;
    } while (published == properties.batchSize() * properties.batchesPerPass());
    return total;
  }

  private void passSafely() {
    wakeRequested.set(false);
    if (System.nanoTime() - retryAt < 0) {
      return; // backing off after a failed pass: the scheduled retry runs it
    }
    try {
      drain();
      failures = 0;
    } catch (RuntimeException e) {
      failures++;
      retryAt = System.nanoTime() + properties.retryBackoff().toNanos();
      log.warn("Outbox relay could not publish ({} failed pass(es) in a row), retrying in {}: {}", failures,
          properties.retryBackoff(), e.toString());
      ScheduledExecutorService current = executor;
      if (running && current != null) {
        current.schedule(this::passSafely, properties.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private int publishPass() {
    Integer published = transactions.execute(status -> {
      // the statements of this pass (and only of it: SET LOCAL) may not wait forever on a lock or a backend
      Boolean locked = jdbc.queryForObject(
          "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'))"
              + " FROM (SELECT set_config('statement_timeout', ?, true)) AS pass",
          Boolean.class, properties.statementTimeout().toMillis() + "ms");
      if (!Boolean.TRUE.equals(locked)) {
        return 0;
      }
      List<CompletableFuture<?>> sends = new ArrayList<>();
      for (int batch = 0; batch < properties.batchesPerPass(); batch++) {
        // the rows are ours until the commit; a rollback (a failed send) puts them back
        List<Row> rows = new ArrayList<>(jdbc.query(TAKE_BATCH,
            (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6)),
            properties.batchSize()));
        rows.sort(Comparator.comparingLong(Row::seq));
        for (Row row : rows) {
          ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
          record.headers().add("eventId", row.eventId().getBytes(StandardCharsets.UTF_8));
          record.headers().add("type", row.type().getBytes(StandardCharsets.UTF_8));
          sends.add(kafka.send(record));
        }
        if (rows.size() < properties.batchSize()) {
          break;
        }
      }
      awaitAcknowledgements(sends);
      return sends.size();
    });
    return published == null ? 0 : published;
  }

  /**
   * Waits for every send of the pass, at most {@link OutboxProperties#ackTimeout()}; throws (and so rolls
   * the pass back) when one failed or did not complete in time. Sends that complete after a timeout are
   * sent again by the next pass (at least once).
   */
  private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
    CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    try {
      all.get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (TimeoutException e) {
      long pending = sends.stream().filter(send -> !send.isDone()).count();
      throw new IllegalStateException("Kafka did not acknowledge " + pending + " of " + sends.size()
          + " sends within " + properties.ackTimeout() + "; rolling the pass back", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka; rolling the pass back", e);
    }
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "outbox-relay");
      thread.setDaemon(true);
      return thread;
    });
    running = true;
    long period = properties.pollInterval().toMillis();
    executor.scheduleWithFixedDelay(this::passSafely, 0, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    running = false;
    ScheduledExecutorService current = executor;
    if (current != null) {
      current.shutdown();
      try {
        if (!current.awaitTermination(5, TimeUnit.SECONDS)) {
          current.shutdownNow(); // a pass still waiting for Kafka is interrupted and rolls back
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private record Row(long seq, String eventId, String topic, String key, String type, String payload) {}
}
