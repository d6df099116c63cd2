package io.drydock.master.allocation;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether allocation runs are held back ({@link AllocationActor#deferRuns}); used on the actor thread only. */
final class RunDeferral {

  private static final Logger log = LoggerFactory.getLogger(RunDeferral.class);

  private boolean on;
  private long untilNanos;

  Void start(Duration atMost) {
    on = true;
    untilNanos = System.nanoTime() + atMost.toNanos();
    return null;
  }

  /** Ends the deferral; true when runs were held back. */
  boolean end() {
    boolean was = on;
    on = false;
    return was;
  }

  /** True while runs are held back; a deferral past its limit lapses. */
  boolean holds() {
    if (on && System.nanoTime() - untilNanos >= 0) {
      log.warn("Allocation runs were held back longer than allowed; running again");
      on = false;
    }
    return on;
  }
}
