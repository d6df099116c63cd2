package io.drydock.master.allocation;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The allocation actor's periodic run at a fixed rate: each run is due one interval after the previous one
 * was due, as in Mesos, whose allocator re-arms its timer when a run starts. A fixed delay would stretch
 * every period by the run's own time and by the work queued on the actor before it, and a resource freed
 * without a triggered run (a decline, a finished task) waits for the next periodic run. Ticks missed while
 * the actor was busy for longer than an interval are skipped, not made up in a burst: the next run is due
 * on the next interval boundary after now.
 */
final class FixedRateRuns {

  /** Schedules a one-shot task after a delay in nanoseconds (the actor's thread). */
  interface Scheduler {
    ScheduledFuture<?> schedule(Runnable task, long delayNanos);
  }

  private final Scheduler scheduler;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private final Runnable run;
  private long due;
  private ScheduledFuture<?> next;
  private boolean active;

  FixedRateRuns(Scheduler scheduler, LongSupplier nanoTime, long intervalMillis, Runnable run) {
    this.scheduler = scheduler;
    this.nanoTime = nanoTime;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    this.run = run;
  }

  /** Starts the runs, the first one interval from now. */
  synchronized void start() {
    cancel();
    active = true;
    due = nanoTime.getAsLong() + intervalNanos;
    next = scheduler.schedule(this::tick, intervalNanos);
  }

  synchronized void stop() {
    active = false;
    cancel();
  }

  private void cancel() {
    if (next != null) {
      next.cancel(false);
      next = null;
    }
  }

  private void tick() {
    synchronized (this) {
      if (!active) {
        return;
      }
      long now = nanoTime.getAsLong();
      due += intervalNanos;
      if (due - now <= 0) {
        due += ((now - due) / intervalNanos + 1) * intervalNanos; // skip the missed ticks
      }
      next = scheduler.schedule(this::tick, due - now);
    }
    run.run();
  }
}
