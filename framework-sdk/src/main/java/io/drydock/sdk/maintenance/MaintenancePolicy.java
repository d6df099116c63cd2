package io.drydock.sdk.maintenance;

import io.drydock.events.InverseOfferEvent;
import io.drydock.events.OfferEvent;
import io.drydock.events.TaskState;
import io.drydock.events.Unavailability;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SDK's maintenance-aware default policy, as pure logic over an injected {@link Clock} (no I/O; the
 * framework feeds it events and performs the {@link MaintenanceAction}s it returns, most of them with
 * {@link MaintenanceActions#execute}).
 *
 * <ul>
 *   <li><b>Placement.</b> {@link #conflict(OfferEvent, TaskRuntime)}: a task is not placed on an agent
 *       whose unavailability starts before the task is expected to end (a long-running task: before
 *       the window is over). Windows that are already over do not count.
 *   <li><b>Inverse offers.</b> {@link #inverseOffer}: tasks on the agent that would still run when the
 *       unavailability starts are moved proactively: for each the policy asks for a
 *       {@link MaintenanceAction.StartReplacement} elsewhere (and a REVIVE to get offers); when the
 *       replacement is {@code TASK_RUNNING} it asks to {@link MaintenanceAction.Kill kill} the original;
 *       when no task that must move is left on the agent it {@linkplain MaintenanceAction.AcceptInverseOffer
 *       accepts} the inverse offer. An agent with nothing that must move is accepted at once.
 *   <li><b>Declining.</b> {@link #tick()}: when the unavailability is about to start (within
 *       {@code declineMargin}) and tasks are still to move, the inverse offer is
 *       {@linkplain MaintenanceAction.DeclineInverseOffer declined} with the reason. Moving goes on: the
 *       master asks again after the decline filter, and the policy accepts once the agent is empty.
 * </ul>
 *
 * <p>Invariants: a task is never killed by the policy before its replacement runs; at most one
 * replacement per task is in flight; a replacement that ends before running is asked for again.
 *
 * <p>Not thread-safe: call it from the scheduler's callback thread, or synchronize.
 */
public final class MaintenancePolicy {

  private final Clock clock;
  private final Duration declineMargin;
  private final Map<String, Unavailability> unavailabilities = new HashMap<>();
  private final Map<String, Tracked> tasks = new LinkedHashMap<>();
  private final Map<String, PendingInverseOffer> inverseOffers = new LinkedHashMap<>();
  private final Map<String, String> replacementOf = new HashMap<>();
  private final Map<String, String> replacedBy = new HashMap<>();

  /**
   * A policy that declines only when the unavailability starts with tasks still to move.
   *
   * @param clock the time source (a fixed or fake clock in tests)
   */
  public MaintenancePolicy(Clock clock) {
    this(clock, Duration.ZERO);
  }

  /**
   * @param clock the time source
   * @param declineMargin how long before the unavailability starts an inverse offer with tasks still to
   *     move is declined (default 0: at the start)
   */
  public MaintenancePolicy(Clock clock, Duration declineMargin) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.declineMargin = Objects.requireNonNull(declineMargin, "declineMargin");
  }

  // ---- placement ---------------------------------------------------------------------------

  /**
   * Why a task with this runtime must not be placed on the offer's agent, or empty when it may. Also
   * records the agent's unavailability (or its absence) as the offer states it.
   */
  public Optional<String> conflict(OfferEvent offer, TaskRuntime runtime) {
    if (offer.unavailability() == null) {
      unavailabilities.remove(offer.agentId());
    } else {
      unavailabilities.put(offer.agentId(), offer.unavailability());
    }
    return conflict(offer.unavailability(), runtime, now());
  }

  /** True when a task with this runtime may be placed on the offer's agent. */
  public boolean placeable(OfferEvent offer, TaskRuntime runtime) {
    return conflict(offer, runtime).isEmpty();
  }

  /**
   * Why a task with {@code runtime} started at {@code startedAt} collides with {@code unavailability},
   * or empty when the window is absent, over, or starts no earlier than the task is expected to end.
   */
  public Optional<String> conflict(Unavailability unavailability, TaskRuntime runtime, Instant startedAt) {
    if (unavailability == null) {
      return Optional.empty();
    }
    Instant start = instant(unavailability.startNanos());
    Instant end = unavailability.durationNanos() == null ? Instant.MAX
        : start.plusNanos(unavailability.durationNanos());
    if (!end.isAfter(now())) {
      return Optional.empty();
    }
    Instant expectedEnd = runtime.expectedEnd(startedAt);
    if (!start.isBefore(expectedEnd)) {
      return Optional.empty();
    }
    return Optional.of("unavailable from " + start + (end == Instant.MAX ? " indefinitely" : " until " + end)
        + ", before the task is expected to end ("
        + (runtime.isLongRunning() ? "long-running" : expectedEnd.toString()) + ")");
  }

  // ---- tasks -------------------------------------------------------------------------------

  /** The framework launched a task (not a replacement: see {@link #replacementLaunched}). */
  public void launched(String taskId, String agentId, TaskRuntime runtime) {
    tasks.put(taskId, new Tracked(taskId, agentId, runtime, now()));
  }

  /** The framework launched {@code newTaskId} on {@code agentId} to replace {@code oldTaskId}. */
  public void replacementLaunched(String oldTaskId, String newTaskId, String agentId) {
    Tracked old = tasks.get(oldTaskId);
    TaskRuntime runtime = old == null ? TaskRuntime.longRunning() : old.runtime;
    tasks.put(newTaskId, new Tracked(newTaskId, agentId, runtime, now()));
    if (old != null) {
      replacementOf.put(newTaskId, oldTaskId);
      replacedBy.put(oldTaskId, newTaskId);
    }
  }

  /** A task changed state; answers the kills, re-placements and inverse-offer answers that follow. */
  public List<MaintenanceAction> statusUpdate(String taskId, TaskState state) {
    Tracked task = tasks.get(taskId);
    List<MaintenanceAction> actions = new ArrayList<>();
    if (task == null) {
      return actions;
    }
    if (state == TaskState.TASK_RUNNING) {
      String old = replacementOf.get(taskId);
      Tracked original = old == null ? null : tasks.get(old);
      if (original != null && !original.killRequested) {
        original.killRequested = true;
        actions.add(new MaintenanceAction.Kill(original.taskId, original.agentId));
      }
      return actions;
    }
    if (!state.isTerminal()) {
      return actions;
    }
    tasks.remove(taskId);
    String old = replacementOf.remove(taskId);
    if (old != null) {
      replacedBy.remove(old);
      Tracked original = tasks.get(old);
      if (original != null && needsMove(original)) {
        original.killRequested = false;
        actions.add(new MaintenanceAction.StartReplacement(original.taskId, original.agentId, original.runtime));
        actions.add(new MaintenanceAction.Revive());
      }
    }
    String replacement = replacedBy.remove(taskId);
    if (replacement != null) {
      replacementOf.remove(replacement);
    }
    acceptIfClear(task.agentId, actions);
    return actions;
  }

  // ---- inverse offers ----------------------------------------------------------------------

  /**
   * The master asks the framework to leave an agent. Answers an ACCEPT when nothing must move, else
   * the replacements to start (and a REVIVE).
   */
  public List<MaintenanceAction> inverseOffer(InverseOfferEvent inverseOffer) {
    String agentId = inverseOffer.agentId();
    if (inverseOffer.unavailability() != null) {
      unavailabilities.put(agentId, inverseOffer.unavailability());
    }
    inverseOffers.put(agentId, new PendingInverseOffer(inverseOffer.inverseOfferId(), inverseOffer.unavailability()));
    List<MaintenanceAction> actions = new ArrayList<>();
    List<MaintenanceAction.StartReplacement> starts = replacementsOn(agentId);
    actions.addAll(starts);
    if (!starts.isEmpty()) {
      actions.add(new MaintenanceAction.Revive());
    }
    acceptIfClear(agentId, actions);
    actions.addAll(tick());
    return actions;
  }

  /** The master withdrew an inverse offer; moving goes on, nothing is answered. */
  public void inverseOfferRescinded(String inverseOfferId) {
    inverseOffers.values().removeIf(pending -> pending.id.equals(inverseOfferId));
  }

  /** Declines the inverse offers whose unavailability is (nearly) due with tasks still to move. */
  public List<MaintenanceAction> tick() {
    List<MaintenanceAction> actions = new ArrayList<>();
    Instant now = now();
    var it = inverseOffers.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, PendingInverseOffer> entry = it.next();
      PendingInverseOffer pending = entry.getValue();
      if (pending.unavailability == null) {
        continue;
      }
      Instant start = instant(pending.unavailability.startNanos());
      if (now.isBefore(start.minus(declineMargin))) {
        continue;
      }
      List<String> stuck = new ArrayList<>();
      for (Tracked task : tasks.values()) {
        if (task.agentId.equals(entry.getKey()) && needsMove(task)) {
          String replacement = replacedBy.get(task.taskId);
          stuck.add(task.taskId + (replacement == null ? " (no offer fit a replacement)"
              : " (replacement " + replacement + " not running yet)"));
        }
      }
      if (!stuck.isEmpty()) {
        it.remove();
        actions.add(new MaintenanceAction.DeclineInverseOffer(pending.id, entry.getKey(),
            "cannot leave agent " + entry.getKey() + " before its unavailability starts at " + start + ": "
                + String.join(", ", stuck)));
      }
    }
    return actions;
  }

  /**
   * The tasks that must move and have no replacement in flight, oldest first: place each on an offer
   * that is {@linkplain #placeable placeable} for its runtime, then call {@link #replacementLaunched}.
   */
  public List<MaintenanceAction.StartReplacement> pendingReplacements() {
    List<MaintenanceAction.StartReplacement> pending = new ArrayList<>();
    for (Tracked task : tasks.values()) {
      if (needsMove(task) && !replacedBy.containsKey(task.taskId)) {
        pending.add(new MaintenanceAction.StartReplacement(task.taskId, task.agentId, task.runtime));
      }
    }
    return pending;
  }

  /** The inverse offers not answered yet, by agent id. */
  public Map<String, String> outstandingInverseOffers() {
    Map<String, String> ids = new LinkedHashMap<>();
    inverseOffers.forEach((agent, pending) -> ids.put(agent, pending.id));
    return ids;
  }

  // ---- internals ---------------------------------------------------------------------------

  private List<MaintenanceAction.StartReplacement> replacementsOn(String agentId) {
    List<MaintenanceAction.StartReplacement> starts = new ArrayList<>();
    for (MaintenanceAction.StartReplacement start : pendingReplacements()) {
      if (start.agentId().equals(agentId)) {
        starts.add(start);
      }
    }
    return starts;
  }

  private void acceptIfClear(String agentId, List<MaintenanceAction> actions) {
    PendingInverseOffer pending = inverseOffers.get(agentId);
    if (pending == null) {
      return;
    }
    for (Tracked task : tasks.values()) {
      if (task.agentId.equals(agentId) && needsMove(task)) {
        return;
      }
    }
    inverseOffers.remove(agentId);
    actions.add(new MaintenanceAction.AcceptInverseOffer(pending.id, agentId));
  }

  private boolean needsMove(Tracked task) {
    return conflict(unavailabilities.get(task.agentId), task.runtime, task.startedAt).isPresent();
  }

  private Instant now() {
    return clock.instant();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static final class Tracked {
    final String taskId;
    final String agentId;
    final TaskRuntime runtime;
    final Instant startedAt;
    boolean killRequested;

    Tracked(String taskId, String agentId, TaskRuntime runtime, Instant startedAt) {
      this.taskId = taskId;
      this.agentId = agentId;
      this.runtime = runtime;
      this.startedAt = startedAt;
    }
  }

  private record PendingInverseOffer(String id, Unavailability unavailability) {}
}
