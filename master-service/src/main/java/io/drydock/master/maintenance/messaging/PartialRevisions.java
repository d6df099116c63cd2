package io.drydock.master.maintenance.messaging;

import io.drydock.events.MachineStateChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedule revisions whose machine changes have reached the consumer only in part. maintenance-service
 * commits all changes of one revision together, each saying how many there are
 * ({@link MachineStateChanged#revisionChanges()}), but they may reach the master over several polls (several
 * partitions, fetch limits); while one is partial, allocation runs stay held back. Never waited for: changes
 * that do not say how many their revision made, revisions of a single change, revisions already complete or
 * given up on, and changes that occurred more than {@code staleAfter} ago (history read back after a
 * restart, possibly compacted). A change delivered twice counts twice (the wait then ends early: no worse
 * than without it). Used on the consumer thread only.
 */
final class PartialRevisions {

  private static final int REMEMBERED = 1024;

  private final Duration staleAfter;
  private final Map<Long, Integer> missing = new HashMap<>();
  private final Map<Long, Boolean> done = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  };

  PartialRevisions(Duration staleAfter) {
    this.staleAfter = staleAfter;
  }

  /** Counts one applied change of its revision. */
  void arrived(MachineStateChanged change, Instant occurredAt, Instant now) {
    Integer total = change.revisionChanges();
    long revision = change.scheduleRevision();
    if (total == null || total <= 1 || done.containsKey(revision) || occurredAt.isBefore(now.minus(staleAfter))) {
      return;
    }
    int left = missing.getOrDefault(revision, total) - 1;
    if (left > 0) {
      missing.put(revision, left);
    } else {
      missing.remove(revision);
      done.put(revision, Boolean.TRUE);
    }
  }

  /** True while some revision has arrived only in part. */
  boolean awaited() {
    return !missing.isEmpty();
  }

  /** Stops waiting for the partial revisions (their late changes, if any, are applied as they come). */
  List<Long> giveUp() {
    List<Long> partial = List.copyOf(missing.keySet());
    partial.forEach(r -> done.put(r, Boolean.TRUE));
    missing.clear();
    return partial;
  }
}
