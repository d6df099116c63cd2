package io.drydock.bench.maintenance;

import io.drydock.examples.replicated.ReplicatedService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The fewest replicas running since {@link #start}, and the hosts each replica ran on. */
final class Recorder {
  private volatile boolean measuring;
  private int min = Integer.MAX_VALUE;
  private final Map<Integer, List<String>> paths = new java.util.TreeMap<>();

  synchronized void start(int running) {
    measuring = true;
    min = running;
  }

  synchronized void record(ReplicatedService.Snapshot snapshot) {
    if (measuring) {
      min = Math.min(min, snapshot.running());
    }
    snapshot.hostPerSlot().forEach((slot, host) -> {
      List<String> path = paths.computeIfAbsent(slot, s -> new ArrayList<>());
      if (path.isEmpty() || !path.get(path.size() - 1).equals(host)) {
        path.add(host);
      }
    });
  }

  synchronized String paths() {
    return paths.entrySet().stream().map(e -> "web-" + e.getKey() + ": " + String.join(" > ", e.getValue()))
        .collect(Collectors.joining("; "));
  }

  synchronized int min() {
    return min;
  }
}
