package io.drydock.bench.maintenance;

import io.drydock.bench.Offers;
import io.drydock.events.OfferEvent;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.sdk.Scheduler;
import io.drydock.sdk.SchedulerDriver;
import io.drydock.sdk.TaskSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Another team's work that holds every machine but the first window's while the service starts, so that
 * every replica starts on the machines that go down first (the same start for every run). It takes all of
 * each held agent's cpus and mem, and is torn down before the schedule is posted.
 */
final class Filler implements Scheduler {

  private final Set<String> held;
  private final Set<String> seenHosts = new HashSet<>();
  private final Map<String, String> launchedOn = new LinkedHashMap<>();
  private final Set<String> running = new HashSet<>();
  private final Map<String, TaskState> lastState = new java.util.TreeMap<>();
  private final Map<String, TaskSpec.TaskRef> refs = new java.util.HashMap<>();
  private java.time.Instant reconciled = java.time.Instant.now();

  Filler(Set<String> held) {
    this.held = Set.copyOf(held);
  }

  @Override
  public synchronized void offer(SchedulerDriver driver, OfferEvent offer) {
    seenHosts.add(offer.hostname());
    if (held.contains(offer.hostname()) && !launchedOn.containsKey(offer.hostname())) {
      double cpus = Offers.unreserved(offer, "cpus");
      double mem = Offers.unreserved(offer, "mem");
      String taskId = "filler-" + offer.hostname();
      launchedOn.put(offer.hostname(), taskId);
      refs.put(taskId, new TaskSpec.TaskRef(taskId, offer.agentId()));
      driver.launch(List.of(offer.offerId()), List.of(TaskSpec.command(taskId, offer.agentId(), cpus, mem,
          "sleep infinity")), 300);
    } else {
      driver.decline(List.of(offer.offerId()), 300);
    }
  }

  @Override
  public synchronized void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {
    lastState.put(update.taskId(), update.state());
    if (update.state() == TaskState.TASK_RUNNING) {
      running.add(update.taskId());
    } else if (update.state().isTerminal()) {
      running.remove(update.taskId());
      launchedOn.values().remove(update.taskId());
    }
  }

  @Override
  public synchronized String toString() {
    return "filler: hosts seen " + seenHosts + ", held " + launchedOn.keySet() + ", updates " + lastState;
  }

  /**
   * Reconciles, every 5 s, the launched tasks not heard of as running
   * (as the example framework does).
   */
  synchronized void reconcile(SchedulerDriver driver) {
    java.time.Instant now = java.time.Instant.now();
    if (reconciled.plus(java.time.Duration.ofSeconds(5)).isAfter(now)) {
      return;
    }
    reconciled = now;
    List<TaskSpec.TaskRef> stale = launchedOn.values().stream().filter(id -> !running.contains(id))
        .map(refs::get).toList();
    if (!stale.isEmpty()) {
      driver.reconcile(stale);
    }
  }

  /** Every machine to hold is held and the filler has seen offers from {@code hosts} machines. */
  synchronized boolean filled(int hosts) {
    return running.size() == held.size() && seenHosts.size() >= hosts;
  }
}
