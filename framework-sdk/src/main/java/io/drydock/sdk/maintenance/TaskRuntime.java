package io.drydock.sdk.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a task is expected to run: a finite duration (a batch task) or {@linkplain #longRunning()
 * long-running} (a service, expected to run until killed). The maintenance-aware policy places a task
 * only on machines whose unavailability does not start before the task is expected to end.
 *
 * @param expected the expected duration, or {@code null} for a long-running task
 */
public record TaskRuntime(Duration expected) {

  private static final TaskRuntime LONG_RUNNING = new TaskRuntime(null);

  public TaskRuntime {
    if (expected != null && expected.isNegative()) {
      throw new IllegalArgumentException("expected duration is negative: " + expected);
    }
  }

  /** A task expected to run until it is killed. */
  public static TaskRuntime longRunning() {
    return LONG_RUNNING;
  }

  /** A task expected to end after {@code duration}. */
  public static TaskRuntime expected(Duration duration) {
    return new TaskRuntime(Objects.requireNonNull(duration, "duration"));
  }

  /** True for a task expected to run until it is killed. */
  public boolean isLongRunning() {
    return expected == null;
  }

  /** When a task started at {@code startedAt} is expected to end; {@link Instant#MAX} if long-running. */
  public Instant expectedEnd(Instant startedAt) {
    return expected == null ? Instant.MAX : startedAt.plus(expected);
  }
}
