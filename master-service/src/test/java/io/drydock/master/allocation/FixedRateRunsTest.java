package io.drydock.master.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The periodic allocation run is due every interval after the previous one was due, whatever the run and
 * the actor's queue took; ticks missed in a stall are skipped. A fake clock and scheduler: no timing.
 */
class FixedRateRunsTest {

  static final long MS = 1_000_000L;

  long now;
  final List<Long> delays = new ArrayList<>();
  final List<Scheduled> scheduled = new ArrayList<>();
  final List<Long> runsAt = new ArrayList<>();
  long runTakes;

  final FixedRateRuns runs = new FixedRateRuns((task, nanos) -> {
    delays.add(nanos / MS);
    Scheduled s = new Scheduled(task, now + nanos);
    scheduled.add(s);
    return s;
  }, () -> now, 1000, () -> {
    runsAt.add(now / MS);
    now += runTakes;
  });

  /** Fires the last scheduled tick at the time it was due plus {@code lateMs} (the actor was busy). */
  void fireLast(long lateMs) {
    Scheduled last = scheduled.get(scheduled.size() - 1);
    now = last.due + lateMs * MS;
    last.task.run();
  }

  @Test
  void theRunTimeAndTheActorQueueDoNotStretchThePeriod() {
    runs.start();
    runTakes = 300 * MS;
    fireLast(0);
    fireLast(120);
    fireLast(0);

    // with a fixed delay the third run would start at 1000 + 300 + 120 + 1000 + 300 + 1000 = 3720
    assertThat(runsAt).containsExactly(1000L, 2120L, 3000L);
    assertThat(delays).containsExactly(1000L, 1000L, 880L, 1000L);
  }

  @Test
  void ticksMissedInAStallAreSkippedNotMadeUp() {
    runs.start();
    fireLast(2500); // due at 1000, ran at 3500: the ticks due at 2000 and 3000 are skipped
    fireLast(0);

    assertThat(runsAt).containsExactly(3500L, 4000L);
    assertThat(delays).containsExactly(1000L, 500L, 1000L);
  }

  @Test
  void aStoppedScheduleDoesNotRunAgain() {
    runs.start();
    runs.stop();
    assertThat(scheduled.get(0).isCancelled()).isTrue();
    scheduled.get(0).task.run(); // a tick already queued on the actor when it stopped

    assertThat(runsAt).isEmpty();
    assertThat(scheduled).hasSize(1);
  }

  /** A scheduled tick: only its task and whether it was cancelled matter here. */
  static final class Scheduled extends CompletableFuture<Object> implements ScheduledFuture<Object> {
    final Runnable task;
    final long due;

    Scheduled(Runnable task, long due) {
      this.task = task;
      this.due = due;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return 0;
    }
  }
}
