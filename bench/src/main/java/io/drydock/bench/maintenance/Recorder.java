package io.drydock.bench.maintenance;

import io.drydock.examples.replicated.ReplicatedService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * From {@link #start} to {@link #stop}: the fewest replicas running, how long fewer than the declared minimum
 * ran and the replica-seconds missing below it (the dip's length and area); always the hosts each replica ran on.
 * A replica runs when the framework has a task of it {@code TASK_RUNNING} on a machine that is not down: from
 * the moment {@code /machine/down} returns, the tasks there count as gone, before the framework hears of it.
 */
final class Recorder {
  private final int minimum;
  private boolean measuring;
  private int min = Integer.MAX_VALUE;
  private int running;
  private Instant since;
  private long belowNanos;
  private double missingReplicaNanos;
  private final Map<Integer, List<String>> paths = new java.util.TreeMap<>();
  private final java.util.Set<String> down = new java.util.HashSet<>();
  private ReplicatedService.Snapshot last;

  /** @param minimum the declared minimum of running replicas */
  Recorder(int minimum) {
    this.minimum = minimum;
  }

  synchronized void start(int running) {
    measuring = true;
    min = running;
    this.running = running;
    since = Instant.now();
  }

  synchronized void record(ReplicatedService.Snapshot snapshot) {
    last = snapshot;
    update();
    snapshot.hostPerSlot().forEach((slot, host) -> {
      List<String> path = paths.computeIfAbsent(slot, s -> new ArrayList<>());
      if (path.isEmpty() || !path.get(path.size() - 1).equals(host)) {
        path.add(host);
      }
    });
  }

  /** The operator brought these machines down (their tasks are gone) or up. */
  synchronized void machines(java.util.Collection<String> hosts, boolean isDown) {
    if (isDown) {
      down.addAll(hosts);
    } else {
      down.removeAll(hosts);
    }
    update();
  }

  private void update() {
    if (measuring && last != null) {
      advance();
      running = (int) last.runningHostsPerSlot().values().stream()
          .filter(hosts -> hosts.stream().anyMatch(h -> !down.contains(h))).count();
      min = Math.min(min, running);
    }
  }

  /** Ends the measurement (the time since the last change counts with the running replicas then). */
  synchronized void stop() {
    if (measuring) {
      advance();
      measuring = false;
    }
  }

  private void advance() {
    Instant now = Instant.now();
    long nanos = Duration.between(since, now).toNanos();
    if (running < minimum) {
      belowNanos += nanos;
      missingReplicaNanos += (double) (minimum - running) * nanos;
    }
    since = now;
  }

  synchronized String paths() {
    return paths.entrySet().stream().map(e -> "web-" + e.getKey() + ": " + String.join(" > ", e.getValue()))
        .collect(Collectors.joining("; "));
  }

  synchronized int min() {
    return min;
  }

  /** How long fewer replicas than the declared minimum ran. */
  synchronized Duration belowMinimum() {
    return Duration.ofNanos(belowNanos);
  }

  /** The replica-seconds missing below the declared minimum (the dip's area). */
  synchronized double missingReplicaSeconds() {
    return missingReplicaNanos / 1e9;
  }
}
