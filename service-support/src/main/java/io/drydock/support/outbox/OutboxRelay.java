package io.drydock.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * all acknowledgements and commits; if any send failed it rolls back and the rows are still there for the
 * next pass. A row whose transaction commits after a batch read the table (it may carry a lower
 * {@code seq}) goes out in a later batch. Delivery is at least once: a crash after the send and before the
 * commit sends the rows again, and consumers drop them by event id. Replicas of a service take turns
 * through a PostgreSQL advisory lock, so per-key order holds with any number of replicas.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, String> kafka;
  private final OutboxProperties properties;
  private final AtomicBoolean wakeRequested = new AtomicBoolean();
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
    try {
      drain();
    } catch (RuntimeException e) {
      log.warn("Outbox relay could not publish, retrying in {}: {}", properties.retryBackoff(), e.getMessage());
      ScheduledExecutorService current = executor;
      if (running && current != null) {
        current.schedule(this::passSafely, properties.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private int publishPass() {
    Integer published = transactions.execute(status -> {
      Boolean locked = jdbc.queryForObject(
          "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'))", Boolean.class);
      if (!Boolean.TRUE.equals(locked)) {
        return 0;
      }
      List<CompletableFuture<?>> sends = new ArrayList<>();
      for (int batch = 0; batch < properties.batchesPerPass(); batch++) {
        // the rows are ours until the commit; a rollback (a failed send) puts them back
        List<Row> rows = new ArrayList<>(jdbc.query(
            "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox ORDER BY seq LIMIT ?)"
                + " RETURNING seq, event_id, topic, record_key, event_type, payload",
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
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
      return sends.size();
    });
    return published == null ? 0 : published;
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
        current.awaitTermination(5, TimeUnit.SECONDS);
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
