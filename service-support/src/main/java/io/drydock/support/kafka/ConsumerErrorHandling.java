package io.drydock.support.kafka;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handler of every {@code @KafkaListener}: a record whose processing failed because the
 * database is unreachable (an SQL exception without a state, as the pool throws, or of state class 08
 * connection, 40 rollback, 53 resources, 57 operator intervention, 58 system; a transient or
 * recoverable SQL or data-access exception; a transaction that could not begin or end) is retried with exponential backoff, up to
 * {@code maxInterval} apart, for as long as it takes, so a PostgreSQL restart loses nothing. Any other
 * failure is retried with backoff for up to {@link #UNCLASSIFIED_RETRY} — the database going away can
 * also surface unclassified (a rollback on a connection the pool already closed becomes an
 * uncategorized exception that hides the first failure) — and only then marks a poison record, sent to
 * {@code <topic>.dlt} through {@link DeadLetters} and skipped. (Spring Kafka's default would retry
 * everything ten times without pause and then drop it.)
 */
public final class ConsumerErrorHandling {

  /** How long a failure that is not recognisably the database's is retried before dead-lettering. */
  public static final Duration UNCLASSIFIED_RETRY = Duration.ofSeconds(30);

  private ConsumerErrorHandling() {}

  /** The handler, dead-lettering under the consumer name {@code listener}. */
  public static DefaultErrorHandler errorHandler(DeadLetters deadLetters, Duration maxInterval) {
    // The constructor's back-off must allow retries: Spring Kafka's FailedRecordTracker decides "no
    // retries at all" from it once, and then never asks the per-record function below.
    DefaultErrorHandler handler = new DefaultErrorHandler(
        (record, failure) -> deadLetters.skip("listener", record, describe(failure)),
        backOff(maxInterval, true));
    handler.setBackOffFunction((record, failure) -> backOff(maxInterval, isInfrastructureFailure(failure)));
    return handler;
  }

  /**
   * Retries with exponential backoff up to {@code maxInterval} apart: for as long as it takes when the
   * database is unreachable, for {@link #UNCLASSIFIED_RETRY} otherwise.
   */
  static ExponentialBackOff backOff(Duration maxInterval, boolean infrastructure) {
    ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
    backOff.setMaxInterval(maxInterval.toMillis());
    if (!infrastructure) {
      backOff.setMaxElapsedTime(UNCLASSIFIED_RETRY.toMillis());
    }
    return backOff;
  }

  /** Whether the failure says the database (or the transaction machinery) is unreachable, not the record bad. */
  public static boolean isInfrastructureFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
          || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
          || t instanceof TransactionSystemException || t instanceof SQLTransientException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        // no state: the pool or driver speaking (HikariCP's "Connection is closed"); 08 connection,
        // 40 rollback (serialization, deadlock), 53 resources, 57 operator intervention, 58 system error
        if (state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
            || state.startsWith("57") || state.startsWith("58")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
