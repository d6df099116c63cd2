package io.drydock.examples.replicated;

import io.drydock.events.InverseOfferEvent;
import io.drydock.events.InverseOfferRescinded;
import io.drydock.events.OfferEvent;
import io.drydock.events.Resource;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.sdk.Scheduler;
import io.drydock.sdk.SchedulerDriver;
import io.drydock.sdk.TaskSpec;
import io.drydock.sdk.maintenance.MaintenanceAction;
import io.drydock.sdk.maintenance.MaintenanceActions;
import io.drydock.sdk.maintenance.MaintenancePolicy;
import io.drydock.sdk.maintenance.TaskRuntime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code replicas} copies of a long-running service alive, at most {@code maxPerAgent} on one agent.
 * Each replica is a slot; a slot whose task ends gets a new task from the next offer that fits.
 *
 * <p>With {@link Policy#MAINTENANCE_AWARE} it follows the SDK's {@link MaintenancePolicy}: no replica is
 * placed on a machine that will go down while it runs, and on an inverse offer each replica there is
 * started elsewhere first, then the old task is killed, then the inverse offer is accepted. With
 * {@link Policy#NAIVE} it ignores unavailability and inverse offers (what a Mesos framework that knows
 * nothing of maintenance does): its tasks die when the machine goes down and are started again on
 * whichever offer comes first.
 *
 * <p>Callbacks and {@link #tick} are synchronized: one thread at a time.
 */
public final class ReplicatedService implements Scheduler {

  private static final Logger log = LoggerFactory.getLogger(ReplicatedService.class);

  /**
   * A task whose next update is awaited (launched and not yet running, or replaced and not yet ended) is
   * reconciled when nothing was heard of it for this long, and again after as long.
   */
  static final Duration RECONCILE_AFTER = Duration.ofSeconds(5);

  /** How the service treats maintenance. */
  public enum Policy {
    /** Ignores unavailability and inverse offers. */
    NAIVE,
    /** The SDK's maintenance-aware default policy. */
    MAINTENANCE_AWARE
  }

  /**
   * What to run.
   *
   * @param name the task name prefix
   * @param replicas how many replicas to keep running
   * @param minReplicas the declared minimum of running replicas (reported; the aware policy never kills a
   *     replica before its replacement runs)
   * @param cpus per replica
   * @param mem per replica, MB
   * @param maxPerAgent replicas one agent may hold
   * @param command the shell command of a replica ({@code sleep infinity} by default; simulated agents run
   *     a task without a duration label until it is killed)
   * @param declineSeconds the filter sent with declined offers (REVIVE clears it when offers are needed)
   */
  public record Settings(String name, int replicas, int minReplicas, double cpus, double mem, int maxPerAgent,
      Policy policy, String command, double declineSeconds) {

    public Settings {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(policy, "policy");
      if (replicas < 1 || minReplicas < 0 || minReplicas > replicas || maxPerAgent < 1) {
        throw new IllegalArgumentException("need replicas >= 1, 0 <= minReplicas <= replicas, maxPerAgent >= 1");
      }
      command = command == null ? "sleep infinity" : command;
    }

    /** {@code replicas} replicas of 1 cpu and 256 MB, at most one per agent, all required. */
    public static Settings of(String name, int replicas, Policy policy) {
      return new Settings(name, replicas, replicas, 1.0, 256, 1, policy, null, 30);
    }
  }

  /**
   * What the service looks like now: running replicas and, per slot, its launches (attempts), its starts
   * (tasks that reached {@code TASK_RUNNING}), its current host and the hosts of its running tasks.
   */
  public record Snapshot(int running, int liveTasks, Map<Integer, Integer> launchesPerSlot,
      Map<Integer, Integer> startsPerSlot, Map<Integer, String> hostPerSlot,
      Map<Integer, Set<String>> runningHostsPerSlot) {}

  private final Settings settings;
  private final Clock clock;
  private final MaintenancePolicy maintenance;
  private final Consumer<Snapshot> onChange;
  private final List<Slot> slots = new ArrayList<>();
  private final Map<String, Task> tasks = new HashMap<>();
  private final Map<String, String> hostnames = new HashMap<>();
  private final List<String> declineReasons = new ArrayList<>();
  private int reconciledStates;
  private final List<String> neverRan = new ArrayList<>();

  /**
   * @param clock the maintenance policy's and the reconciliation's time source
   * @param onChange called (on the callback thread) after every change of the replicas' states
   */
  public ReplicatedService(Settings settings, Clock clock, Consumer<Snapshot> onChange) {
    this.settings = settings;
    this.clock = clock;
    this.maintenance = settings.policy() == Policy.MAINTENANCE_AWARE ? new MaintenancePolicy(clock) : null;
    this.onChange = onChange == null ? snapshot -> { } : onChange;
    for (int i = 0; i < settings.replicas(); i++) {
      slots.add(new Slot(i));
    }
  }

  @Override
  public synchronized void offer(SchedulerDriver driver, OfferEvent offer) {
    hostnames.put(offer.agentId(), offer.hostname());
    double cpus = unreserved(offer, "cpus");
    double mem = unreserved(offer, "mem");
    int onAgent = (int) tasks.values().stream().filter(t -> t.agentId.equals(offer.agentId())).count();
    List<TaskSpec> launches = new ArrayList<>();
    TaskRuntime runtime = TaskRuntime.longRunning();
    boolean placeable = maintenance == null || maintenance.placeable(offer, runtime);
    if (placeable && maintenance != null) {
      for (MaintenanceAction.StartReplacement move : maintenance.pendingReplacements()) {
        if (!fits(cpus, mem, onAgent)) {
          break;
        }
        Slot slot = tasks.get(move.taskId()).slot;
        TaskSpec spec = newTask(slot, offer.agentId());
        maintenance.replacementLaunched(move.taskId(), spec.taskId(), offer.agentId());
        log.info("Replacing {} on {} with {} on {}", move.taskId(), hostnames.getOrDefault(move.agentId(),
            move.agentId()), spec.taskId(), offer.hostname());
        launches.add(spec);
        cpus -= settings.cpus();
        mem -= settings.mem();
        onAgent++;
      }
    }
    for (Slot slot : slots) {
      if (!placeable || !fits(cpus, mem, onAgent)) {
        break;
      }
      if (slot.live.isEmpty()) {
        TaskSpec spec = newTask(slot, offer.agentId());
        if (maintenance != null) {
          maintenance.launched(spec.taskId(), offer.agentId(), runtime);
        }
        launches.add(spec);
        cpus -= settings.cpus();
        mem -= settings.mem();
        onAgent++;
      }
    }
    if (launches.isEmpty()) {
      driver.decline(List.of(offer.offerId()), settings.declineSeconds());
    } else {
      driver.launch(List.of(offer.offerId()), launches, settings.declineSeconds());
      onChange.accept(snapshot());
    }
  }

  @Override
  public synchronized void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {
    Task task = tasks.get(update.taskId());
    log.debug("Status update {} {} ({} {}, uuid {})", update.taskId(), update.state(), update.source(),
        update.reason(), update.statusUuid());
    if (task == null) {
      return;
    }
    if ("REASON_RECONCILIATION".equals(update.reason()) && update.state() != task.state) {
      reconciledStates++;
      log.info("Reconciliation: task {} is {}, not {} as last heard", task.taskId, update.state(), task.state);
    }
    if (update.state() == TaskState.TASK_RUNNING && !task.started) {
      task.started = true;
      task.slot.starts++;
    }
    if (update.state().isTerminal() && !task.started) {
      neverRan.add(task.taskId + " " + update.state() + " " + update.reason() + ": " + update.message());
      log.info("Task {} ended before it ran: {} {} ({})", task.taskId, update.state(), update.reason(),
          update.message());
    }
    task.state = update.state();
    task.heard = clock.instant();
    if (maintenance != null) {
      execute(driver, maintenance.statusUpdate(update.taskId(), update.state()));
    }
    if (update.state().isTerminal()) {
      tasks.remove(task.taskId);
      task.slot.live.remove(task.taskId);
      if (task.slot.live.isEmpty()) {
        log.info("Replica {} lost its task {} ({} {}); starting it again", task.slot.index, task.taskId,
            update.state(), update.reason());
        driver.revive(List.of());
      }
    }
    onChange.accept(snapshot());
  }

  @Override
  public synchronized void inverseOffer(SchedulerDriver driver, InverseOfferEvent inverseOffer) {
    if (maintenance != null) {
      execute(driver, maintenance.inverseOffer(inverseOffer));
    }
  }

  @Override
  public synchronized void inverseOfferRescinded(SchedulerDriver driver, InverseOfferRescinded rescind) {
    if (maintenance != null) {
      maintenance.inverseOfferRescinded(rescind.inverseOfferId());
    }
  }

  /**
   * Lets the maintenance policy decline inverse offers that fell due, and reconciles the tasks whose next
   * update is overdue by {@link #RECONCILE_AFTER}: launched but not running, or replaced but not ended (as
   * Mesos frameworks reconcile: the master answers each with its latest state). Call it every second or so.
   */
  public synchronized void tick(SchedulerDriver driver) {
    if (maintenance != null) {
      execute(driver, maintenance.tick());
    }
    Instant now = clock.instant();
    List<TaskSpec.TaskRef> stale = new ArrayList<>();
    for (Task task : tasks.values()) {
      boolean awaited = task.state != TaskState.TASK_RUNNING || task.slot.live.size() > 1;
      if (awaited && !task.heard.plus(RECONCILE_AFTER).isAfter(now)) {
        stale.add(new TaskSpec.TaskRef(task.taskId, task.agentId));
        task.heard = now;
      }
    }
    if (!stale.isEmpty()) {
      driver.reconcile(stale);
    }
  }

  /** The tasks that ended without ever running, with state, reason and message. */
  public synchronized List<String> neverRan() {
    return List.copyOf(neverRan);
  }

  /** Status updates that reconciliation answered differently from the last one received. */
  public synchronized int reconciledStates() {
    return reconciledStates;
  }

  /** The current state. */
  public synchronized Snapshot snapshot() {
    int running = 0;
    Map<Integer, Integer> launches = new LinkedHashMap<>();
    Map<Integer, Integer> starts = new LinkedHashMap<>();
    Map<Integer, String> hosts = new LinkedHashMap<>();
    Map<Integer, Set<String>> runningHosts = new LinkedHashMap<>();
    for (Slot slot : slots) {
      boolean up = false;
      Set<String> on = new LinkedHashSet<>();
      for (String id : slot.live) {
        Task task = tasks.get(id);
        up |= task.state == TaskState.TASK_RUNNING;
        String host = hostnames.getOrDefault(task.agentId, task.agentId);
        if (task.state == TaskState.TASK_RUNNING || !hosts.containsKey(slot.index)) {
          hosts.put(slot.index, host);
        }
        if (task.state == TaskState.TASK_RUNNING) {
          on.add(host);
        }
      }
      runningHosts.put(slot.index, on);
      running += up ? 1 : 0;
      launches.put(slot.index, slot.launches);
      starts.put(slot.index, slot.starts);
    }
    return new Snapshot(running, tasks.size(), launches, starts, hosts, runningHosts);
  }

  /** Every live task with its state and host, for diagnostics. */
  public synchronized String describeTasks() {
    StringBuilder out = new StringBuilder();
    tasks.values().stream().sorted(java.util.Comparator.comparing(t -> t.taskId)).forEach(t -> out
        .append(out.length() == 0 ? "" : ", ").append(t.taskId).append(' ').append(t.state).append(" on ")
        .append(hostnames.getOrDefault(t.agentId, t.agentId)).append(" (").append(t.agentId).append(')'));
    return "tasks [" + out + "]";
  }

  /** The reasons of the inverse offers the policy declined. */
  public synchronized List<String> declineReasons() {
    return List.copyOf(declineReasons);
  }

  /** The settings. */
  public Settings settings() {
    return settings;
  }

  private void execute(SchedulerDriver driver, List<MaintenanceAction> actions) {
    MaintenanceActions.execute(driver, actions, 30, 2, decline -> declineReasons.add(decline.reason()));
  }

  private boolean fits(double cpus, double mem, int onAgent) {
    return onAgent < settings.maxPerAgent() && cpus >= settings.cpus() && mem >= settings.mem();
  }

  private TaskSpec newTask(Slot slot, String agentId) {
    slot.launches++;
    String taskId = settings.name() + "-" + slot.index + "-" + slot.launches;
    Task task = new Task(taskId, agentId, slot, clock.instant());
    tasks.put(taskId, task);
    slot.live.add(taskId);
    return TaskSpec.command(taskId, agentId, settings.cpus(), settings.mem(), settings.command());
  }

  private static double unreserved(OfferEvent offer, String name) {
    double total = 0;
    for (Resource resource : offer.resources()) {
      if (name.equals(resource.name()) && resource.scalar() != null
          && (resource.reservations() == null || resource.reservations().isEmpty())) {
        total += resource.scalar();
      }
    }
    return total;
  }

  private static final class Slot {
    final int index;
    final Set<String> live = new LinkedHashSet<>();
    int launches;
    int starts;

    Slot(int index) {
      this.index = index;
    }
  }

  private static final class Task {
    final String taskId;
    final String agentId;
    final Slot slot;
    TaskState state = TaskState.TASK_STAGING;
    Instant heard;
    boolean started;

    Task(String taskId, String agentId, Slot slot, Instant launched) {
      this.taskId = taskId;
      this.agentId = agentId;
      this.slot = slot;
      this.heard = launched;
    }
  }
}
