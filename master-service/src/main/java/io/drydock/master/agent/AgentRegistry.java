package io.drydock.master.agent;

import io.drydock.events.Envelope;
import io.drydock.events.Topics;
import io.drydock.master.leader.Leadership;
import io.drydock.support.outbox.Outbox;
import org.springframework.transaction.support.TransactionTemplate;
import io.drydock.agentprotocol.Acknowledged;
import io.drydock.agentprotocol.RegisterAgent;
import io.drydock.agentprotocol.Registered;
import io.drydock.agentprotocol.Shutdown;
import io.drydock.agentprotocol.StatusUpdate;
import io.drydock.agentprotocol.TaskReport;
import io.drydock.allocator.AgentId;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.resources.Resources;
import io.drydock.events.MachineId;
import io.drydock.events.TaskState;
import io.drydock.master.agent.persistence.AgentStore;
import io.drydock.master.allocation.AgentView;
import io.drydock.master.allocation.AllocationActor;
import io.drydock.master.allocation.TaskUsage;
import io.drydock.master.allocation.Unavailabilities;
import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.framework.FrameworkRegistry;
import io.drydock.master.machine.MachineModes;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.task.Task;
import io.drydock.master.task.TaskRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The registered agents. Registration is refused while the agent's machine is DOWN; a registered agent's
 * resources are added to the allocator with what its running tasks use; removing an agent (machine DOWN,
 * unreachable) ends its tasks as Mesos does.
 */
@Component
public class AgentRegistry {

  /** The message of the shutdown a DOWN machine's agents receive (spec §1.6.2). */
  public static final String MACHINE_DOWN = "Operator initiated 'Machine DOWN'";

  private static final Logger log = LoggerFactory.getLogger(AgentRegistry.class);

  /** Registrations, removals and maintenance changes of one machine are serialized; machines run in parallel. */
  private static final int MACHINE_LOCKS = 64;

  private final Map<String, Entry> agents = new ConcurrentHashMap<>();
  /** The registered agent of each agent process ({@link #processOf}). */
  private final Map<String, String> byProcess = new ConcurrentHashMap<>();
  private final ReentrantLock[] machineLocks = new ReentrantLock[MACHINE_LOCKS];
  private final AgentStore store;
  private final AllocationActor allocation;
  private final MachineModes machines;
  private final TaskRegistry tasks;
  private final FrameworkRegistry frameworks;
  private final AgentClient client;
  private final AgentProperties properties;
  private final Clock clock;
  private final List<AgentResourcesAdjuster> adjusters;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Leadership leadership;

  AgentRegistry(AgentStore store, AllocationActor allocation, MachineModes machines, TaskRegistry tasks,
      FrameworkRegistry frameworks, AgentClient client, AgentProperties properties, Clock clock,
      List<AgentResourcesAdjuster> adjusters, Outbox outbox, TransactionTemplate transactions,
      Leadership leadership) {
    this.adjusters = List.copyOf(adjusters);
    this.outbox = outbox;
    this.transactions = transactions;
    this.leadership = leadership;
    this.store = store;
    this.allocation = allocation;
    this.machines = machines;
    this.tasks = tasks;
    this.frameworks = frameworks;
    this.client = client;
    this.properties = properties;
    this.clock = clock;
    for (int i = 0; i < MACHINE_LOCKS; i++) {
      machineLocks[i] = new ReentrantLock();
    }
  }

  private ReentrantLock lockOf(MachineId machine) {
    return machineLocks[Math.floorMod(machine.hashCode(), MACHINE_LOCKS)];
  }

  private static final class Entry {
    final AgentInfo info;
    volatile Instant lastSeen;
    /** The agent has used its id (a heartbeat, a status update, a re-registration with it). */
    volatile boolean confirmed;

    Entry(AgentInfo info, Instant lastSeen, boolean confirmed) {
      this.info = info;
      this.lastSeen = lastSeen;
      this.confirmed = confirmed;
    }
  }

  /** An agent process: its machine and the endpoint the master calls it at. */
  private static String processOf(String hostname, String ip, String endpoint) {
    return hostname.toLowerCase(java.util.Locale.ROOT) + "\u0000" + ip + "\u0000" + endpoint;
  }

  /** The outcome of a registration: accepted, or refused (the machine is DOWN). */
  public sealed interface Outcome permits Accepted, Refused {}

  public record Accepted(Registered registered) implements Outcome {}

  public record Refused(io.drydock.agentprotocol.Refused refused) implements Outcome {}

  /**
   * Registers or re-registers an agent.
   *
   * @throws IllegalArgumentException when the registration is malformed (e.g. bad resources)
   */
  public Outcome register(RegisterAgent request) {
    require(request.hostname(), "hostname");
    require(request.ip(), "ip");
    require(request.endpoint(), "endpoint");
    require(request.resources(), "resources");
    MachineId machine = new MachineId(request.hostname(), request.ip());
    ReentrantLock lock = lockOf(machine);
    lock.lock();
    try {
      return register(request, machine);
    } finally {
      lock.unlock();
    }
  }

  private Outcome register(RegisterAgent request, MachineId machine) {
    if (machines.isDown(machine)) {
      log.info("Refused agent {} on machine {}: the machine is DOWN", request.agentId(), machine);
      return new Refused(new io.drydock.agentprotocol.Refused("Machine is `DOWN`", true));
    }
    Resources total = Resources.parse(request.resources());
    Instant now = clock.instant();
    String id = request.agentId();
    Entry existing = id == null ? null : agents.get(id);
    if (id == null) {
      Entry same = Optional.ofNullable(byProcess.get(processOf(request.hostname(), request.ip(), request.endpoint())))
          .map(agents::get).orElse(null);
      if (same != null && !same.confirmed) {
        // as Mesos does for an agent that retries: its answer was lost before it could use the id
        log.info("Agent {} at {} registered again before using its id: answering with the same id", same.info.id(),
            request.endpoint());
        return new Accepted(new Registered(same.info.id(), properties.heartbeatInterval().toMillis() / 1000.0));
      }
      if (same != null) {
        removeLocked(same.info, "REASON_SLAVE_RESTARTED", "TASK_GONE", "REASON_SLAVE_RESTARTED",
            "Agent " + same.info.id() + " registered again without its id: it restarted");
      }
    }
    if (existing != null) {
      allocation.removeAgent(AgentId.of(id)).join();
    } else if (id == null || store.findActive(id).isEmpty()) {
      id = UUID.randomUUID() + "-S0";
    }
    AgentInfo info = new AgentInfo(id, request.hostname(), request.ip(), request.endpoint(), request.resources(),
        request.attributes(), existing == null ? now : existing.info.registeredAt());
    transactions.executeWithoutResult(tx -> {
      store.save(info);
      outbox.append(Topics.AGENTS, Envelope.of(
          new io.drydock.events.AgentRegistered(info.id(), new io.drydock.events.MachineId(
              request.hostname(), request.ip())), now, leadership.epoch()));
    });
    List<TaskReport> running = existing == null && !id.equals(request.agentId()) ? List.of()
        : Optional.ofNullable(request.runningTasks()).orElse(List.of());
    for (AgentResourcesAdjuster adjuster : adjusters) {
      total = adjuster.adjust(id, total);
    }
    List<TaskUsage> used = adopt(id, running);
    var state = machines.stateOf(machine);
    allocation.addAgent(new AgentView(AgentId.of(id), request.hostname(), machine, info.attributes()), total,
        Unavailabilities.toAllocator(state.unavailability()), used).join();
    agents.put(id, new Entry(info, now, existing != null || id.equals(request.agentId())));
    byProcess.put(processOf(info.hostname(), info.ip(), info.endpoint()), id);
    log.info("Registered agent {} at {} on machine {} with {}", id, info.endpoint(), machine, total);
    return new Accepted(new Registered(id, properties.heartbeatInterval().toMillis() / 1000.0));
  }

  private List<TaskUsage> adopt(String agentId, List<TaskReport> running) {
    List<TaskReport> known = running.stream()
        .filter(r -> r.frameworkId() != null && r.taskId() != null && frameworks.get(r.frameworkId()).isPresent())
        .filter(r -> r.state() == null || !terminal(r.state()))
        .toList();
    if (known.isEmpty()) {
      return List.of();
    }
    tasks.adopt(agentId, known, r -> tasks.find(r.frameworkId(), r.taskId()).map(Task::role).orElse("*"));
    Map<String, Resources> byFrameworkRole = new HashMap<>();
    for (TaskReport r : known) {
      Task task = tasks.find(r.frameworkId(), r.taskId()).orElseThrow();
      try {
        byFrameworkRole.merge(r.frameworkId() + "\u0000" + task.role(), ResourceCodec.parseStored(task.resources()),
            Resources::plus);
      } catch (IllegalArgumentException e) {
        log.warn("Ignored the resources of task {} on agent {}: {}", r.taskId(), agentId, e.getMessage());
      }
    }
    List<TaskUsage> out = new ArrayList<>();
    byFrameworkRole.forEach((key, resources) -> {
      String[] parts = key.split("\u0000", 2);
      out.add(new TaskUsage(parts[0], parts[1], resources));
    });
    return out;
  }

  /** A heartbeat; false when the agent is not registered (it must register again). */
  public boolean heartbeat(String agentId) {
    Entry e = agentId == null ? null : agents.get(agentId);
    if (e == null) {
      return false;
    }
    e.lastSeen = clock.instant();
    e.confirmed = true;
    return true;
  }

  /** Heartbeats of many agents (one agent-service's); returns the ids that are not registered. */
  public List<String> heartbeats(List<String> agentIds) {
    List<String> unknown = new ArrayList<>();
    for (String id : agentIds) {
      if (!heartbeat(id)) {
        unknown.add(id);
      }
    }
    return unknown;
  }

  /** Applies a batch of status updates; ended tasks' resources return to the allocator. */
  public Acknowledged statusUpdates(String agentId, List<StatusUpdate> updates) {
    List<StatusUpdate> valid = updates.stream()
        .filter(u -> u.frameworkId() != null && u.taskId() != null && u.state() != null).toList();
    for (Task t : tasks.applyAgentUpdates(agentId, valid)) {
      recover(t);
    }
    heartbeat(agentId);
    return new Acknowledged(updates.stream().map(StatusUpdate::statusUuid).filter(u -> u != null).toList());
  }

  /** Returns an ended task's resources to the allocator. */
  public void recover(Task t) {
    try {
      allocation.recover(FrameworkId.of(t.frameworkId()), AgentId.of(t.agentId()), t.role(),
          ResourceCodec.parseStored(t.resources()));
    } catch (IllegalArgumentException e) {
      log.warn("Could not recover the resources of task {}: {}", t.taskId(), e.getMessage());
    }
  }

  public Optional<AgentInfo> get(String id) {
    Entry e = id == null ? null : agents.get(id);
    return e == null ? Optional.empty() : Optional.of(e.info);
  }

  public Collection<AgentInfo> all() {
    return agents.values().stream().map(e -> e.info).toList();
  }

  /** The registered agents on a machine (hostname case-insensitive, IP exact). */
  public List<AgentInfo> on(MachineId machine) {
    return agents.values().stream().map(e -> e.info).filter(a -> a.machine().equals(machine)).toList();
  }

  /**
   * Holds allocation runs back (at most 10 s) while several machines' changes are applied, so that the
   * frameworks see them together (see {@link AllocationActor#deferRuns}); end with {@link #resumeAllocation()}.
   */
  public void deferAllocation() {
    allocation.deferRuns(java.time.Duration.ofSeconds(10)).join();
  }

  /** Ends {@link #deferAllocation()}. */
  public void resumeAllocation() {
    allocation.resumeRuns().join();
  }

  /**
   * A machine's maintenance state changed (from {@code drydock.machine-state}). DOWN: every agent on it is
   * shut down and removed and its tasks end (spec §1.6.2); otherwise its agents' unavailability is set or
   * cleared, which rescinds their offers and inverse offers and re-offers with it (spec §1.6.1).
   */
  public void machineChanged(MachineId machine, io.drydock.events.MachineMode mode,
      io.drydock.events.Unavailability unavailability) {
    ReentrantLock lock = lockOf(machine);
    lock.lock();
    try {
      changeMachine(machine, mode, unavailability);
    } finally {
      lock.unlock();
    }
  }

  private void changeMachine(MachineId machine, io.drydock.events.MachineMode mode,
      io.drydock.events.Unavailability unavailability) {
    var before = machines.stateOf(machine);
    machines.update(machine, mode, unavailability);
    if (mode == io.drydock.events.MachineMode.DOWN) {
      shutDownMachine(machine);
      return;
    }
    if (before.mode() == mode && java.util.Objects.equals(before.unavailability(), unavailability)
        && mode == io.drydock.events.MachineMode.UP) {
      return;
    }
    for (AgentInfo agent : on(machine)) {
      allocation.updateUnavailability(AgentId.of(agent.id()), Unavailabilities.toAllocator(unavailability)).join();
    }
  }

  private void shutDownMachine(MachineId machine) {
    for (AgentInfo agent : on(machine)) {
      client.shutdown(agent, new Shutdown(MACHINE_DOWN));
      remove(agent, "REASON_SLAVE_REMOVED", "TASK_GONE_BY_OPERATOR", "REASON_SLAVE_REMOVED_BY_OPERATOR",
          MACHINE_DOWN);
    }
  }

  /** Marks agents that missed too many heartbeats unreachable: removed, tasks lost. */
  void checkHeartbeats() {
    Instant deadline = clock.instant()
        .minus(properties.heartbeatInterval().multipliedBy(properties.maxMissedHeartbeats()));
    for (Entry e : List.copyOf(agents.values())) {
      if (e.lastSeen.isBefore(deadline)) {
        log.warn("Agent {} missed {} heartbeats: unreachable", e.info.id(), properties.maxMissedHeartbeats());
        remove(e.info, "REASON_SLAVE_REMOVED", "TASK_UNREACHABLE", "REASON_SLAVE_REMOVED",
            "Agent " + e.info.id() + " is unreachable: health check timed out");
      }
    }
  }

  private void remove(AgentInfo agent, String lostReason, String partitionAwareState,
      String partitionAwareReason, String message) {
    ReentrantLock lock = lockOf(agent.machine());
    lock.lock();
    try {
      removeLocked(agent, lostReason, partitionAwareState, partitionAwareReason, message);
    } finally {
      lock.unlock();
    }
  }

  private void removeLocked(AgentInfo agent, String lostReason, String partitionAwareState,
      String partitionAwareReason, String message) {
    if (agents.remove(agent.id()) == null) {
      return;
    }
    byProcess.remove(processOf(agent.hostname(), agent.ip(), agent.endpoint()), agent.id());
    store.markRemoved(agent.id(), clock.instant());
    allocation.removeAgent(AgentId.of(agent.id())).join();
    List<Task> lost = new ArrayList<>();
    List<Task> gone = new ArrayList<>();
    for (Task t : tasks.ofAgent(agent.id())) {
      boolean partitionAware = frameworks.get(t.frameworkId()).map(FrameworkInfo::partitionAware).orElse(false);
      (partitionAware ? gone : lost).add(t);
    }
    tasks.masterUpdate(lost, TaskState.TASK_LOST, lostReason, message);
    tasks.masterUpdate(gone, TaskState.valueOf(partitionAwareState), partitionAwareReason, message);
  }

  private static boolean terminal(String state) {
    try {
      return TaskState.valueOf(state).isTerminal();
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Expecting '" + field + "' to be present");
    }
  }
}
