package io.drydock.master.task;

import io.drydock.agentprotocol.StatusUpdate;
import io.drydock.agentprotocol.TaskReport;
import io.drydock.events.Envelope;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.events.Topics;
import io.drydock.master.leader.Leadership;
import io.drydock.master.task.persistence.TaskStore;
import io.drydock.support.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task state machine (STAGING → STARTING → RUNNING → a terminal state) over the registry. Every state
 * change is written together with its TaskStatusUpdate through the outbox, so a framework sees exactly the
 * changes that were committed, in order, on its topic.
 */
@Component
public class TaskRegistry {

  /** Updates the master generates. */
  public static final String SOURCE_MASTER = "SOURCE_MASTER";
  static final String SOURCE_EXECUTOR = "SOURCE_EXECUTOR";

  private final TaskStore store;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Leadership leadership;

  TaskRegistry(TaskStore store, Outbox outbox, TransactionTemplate transactions, Clock clock,
      Leadership leadership) {
    this.store = store;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
    this.leadership = leadership;
  }

  public Optional<Task> find(String frameworkId, String taskId) {
    return store.find(frameworkId, taskId);
  }

  public List<Task> ofAgent(String agentId) {
    return store.findByAgent(agentId);
  }

  public List<Task> ofFramework(String frameworkId) {
    return store.findByFramework(frameworkId);
  }

  public List<Task> all() {
    return store.findAll();
  }

  /** Whether a task with this id is known and not terminal (a new one may not reuse the id). */
  public boolean isActive(String frameworkId, String taskId) {
    return store.find(frameworkId, taskId).map(t -> !t.state().isTerminal()).orElse(false);
  }

  /** Which of these task ids are known and not terminal, in one query (ACCEPT checks a whole batch at once). */
  public Set<String> activeAmong(String frameworkId, Collection<String> taskIds) {
    Set<String> active = new HashSet<>();
    for (Task t : store.findAll(taskIds.stream().map(id -> new TaskStore.Key(frameworkId, id)).toList())) {
      if (!t.state().isTerminal()) {
        active.add(t.taskId());
      }
    }
    return active;
  }

  /** Records tasks about to be sent to their agent, in TASK_STAGING (no update: as in Mesos). */
  public List<Task> staging(String frameworkId, String agentId, List<NewTask> tasks) {
    Instant now = clock.instant();
    List<Task> out = tasks.stream().map(t -> new Task(frameworkId, t.taskId(), agentId, t.name(), t.role(),
        t.resources(), TaskState.TASK_STAGING, null, null, null, now)).toList();
    transactions.executeWithoutResult(s -> store.saveAll(out));
    return out;
  }

  /** A task to record. */
  public record NewTask(String taskId, String name, String role, String resources) {}

  /**
   * A resent update older than the agent-reported status the task already has (the agent retries a batch
   * whose acknowledgement it missed): applying it would move the task back. Only agent-reported states are
   * compared, as they carry the same (agent's) clock; STAGING is the master's.
   */
  private static boolean stale(StatusUpdate u, Task known) {
    return u.timestamp() != null && known.updatedAt() != null && known.state() != TaskState.TASK_STAGING
        && u.timestamp().isBefore(known.updatedAt());
  }

  /**
   * Applies an agent's batch of updates. Updates already applied (same uuid, or older than the task's
   * current agent-reported status), for unknown tasks or for tasks already terminal are skipped (and still
   * acknowledged by the caller).
   *
   * @return the tasks that became terminal with this batch: their resources go back to the allocator
   */
  public List<Task> applyAgentUpdates(String agentId, List<StatusUpdate> updates) {
    if (updates.isEmpty()) {
      return List.of();
    }
    return transactions.execute(s -> {
      Map<TaskStore.Key, Task> current = new HashMap<>();
      for (Task t : store.findAll(updates.stream().map(u -> new TaskStore.Key(u.frameworkId(), u.taskId())).toList())) {
        current.put(new TaskStore.Key(t.frameworkId(), t.taskId()), t);
      }
      Map<TaskStore.Key, Task> changed = new LinkedHashMap<>();
      List<Task> terminal = new ArrayList<>();
      List<Outbox.Pending> events = new ArrayList<>();
      for (StatusUpdate u : updates) {
        TaskState state = parseState(u.state());
        TaskStore.Key key = new TaskStore.Key(u.frameworkId(), u.taskId());
        Task known = current.get(key);
        if (state == null || known == null || known.state().isTerminal()
            || (u.statusUuid() != null && u.statusUuid().equals(known.statusUuid())) || stale(u, known)) {
          continue;
        }
        Instant at = u.timestamp() == null ? clock.instant() : u.timestamp();
        String uuid = u.statusUuid() == null ? UUID.randomUUID().toString() : u.statusUuid();
        Task task = known.with(state, u.reason(), u.message(), uuid, at);
        current.put(key, task);
        changed.put(key, task);
        if (state.isTerminal()) {
          terminal.add(task);
        }
        events.add(event(task, agentId, SOURCE_EXECUTOR));
      }
      store.updateStatuses(List.copyOf(changed.values()));
      outbox.appendAll(events);
      return terminal;
    });
  }

  /**
   * The master ends (or changes) tasks itself, e.g. TASK_LOST when their agent is removed.
   *
   * @return the tasks that changed (terminal tasks are left alone)
   */
  public List<Task> masterUpdate(Collection<Task> tasks, TaskState state, String reason, String message) {
    Instant now = clock.instant();
    return transactions.execute(s -> {
      List<Task> changed = new ArrayList<>();
      List<Outbox.Pending> events = new ArrayList<>();
      for (Task t : tasks) {
        if (t.state().isTerminal()) {
          continue;
        }
        Task task = t.with(state, reason, message, UUID.randomUUID().toString(), now);
        changed.add(task);
        events.add(event(task, t.agentId(), SOURCE_MASTER));
      }
      store.updateStatuses(changed);
      outbox.appendAll(events);
      return changed;
    });
  }

  /** A task the master refused before launching it (TASK_ERROR, TASK_DROPPED, TASK_LOST): not recorded. */
  public void refused(String frameworkId, String taskId, String agentId, TaskState state, String reason,
      String message) {
    refusedAll(frameworkId, List.of(new Refusal(taskId, agentId, state, reason, message)));
  }

  /** Several refused tasks of one call, published in one transaction. */
  public void refusedAll(String frameworkId, List<Refusal> refusals) {
    if (refusals.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    transactions.executeWithoutResult(s -> outbox.appendAll(refusals.stream().map(r -> new Outbox.Pending(
        Topics.framework(frameworkId), Envelope.of(new TaskStatusUpdate(frameworkId, r.taskId(), r.agentId(),
            r.state(), SOURCE_MASTER, r.reason(), r.message(), UUID.randomUUID().toString(), now), now,
            leadership.epoch()))).toList()));
  }

  /** A task refused before launch, and why. */
  public record Refusal(String taskId, String agentId, TaskState state, String reason, String message) {}

  /** Tasks an agent reports when it re-registers: the registry adopts the agent's view of them. */
  public void adopt(String agentId, List<TaskReport> reports, java.util.function.Function<TaskReport, String> roleOf) {
    Instant now = clock.instant();
    transactions.executeWithoutResult(s -> {
      List<Task> out = new ArrayList<>();
      for (TaskReport r : reports) {
        TaskState state = Optional.ofNullable(parseState(r.state())).orElse(TaskState.TASK_RUNNING);
        Task known = store.find(r.frameworkId(), r.taskId()).orElse(null);
        out.add(known != null
            ? new Task(r.frameworkId(), r.taskId(), agentId, known.name(), known.role(), known.resources(), state,
                known.reason(), known.message(), known.statusUuid(), now)
            : new Task(r.frameworkId(), r.taskId(), agentId, r.taskId(), roleOf.apply(r), r.resources(), state,
                null, null, null, now));
      }
      store.saveAll(out);
    });
  }

  /**
   * RECONCILE: the latest state of the named tasks (explicit) or of every non-terminal task (implicit, no
   * names), as updates with {@code REASON_RECONCILIATION}. Unknown tasks are TASK_LOST, or TASK_UNKNOWN
   * for PARTITION_AWARE frameworks.
   */
  public void reconcile(String frameworkId, List<String> taskIds, boolean partitionAware) {
    Instant now = clock.instant();
    transactions.executeWithoutResult(s -> {
      List<TaskStatusUpdate> out = new ArrayList<>();
      if (taskIds.isEmpty()) {
        for (Task t : store.findByFramework(frameworkId)) {
          if (!t.state().isTerminal()) {
            out.add(reconciliation(t, now));
          }
        }
      } else {
        for (String id : taskIds) {
          out.add(store.find(frameworkId, id).map(t -> reconciliation(t, now)).orElseGet(() ->
              new TaskStatusUpdate(frameworkId, id, null,
                  partitionAware ? TaskState.TASK_UNKNOWN : TaskState.TASK_LOST, SOURCE_MASTER,
                  "REASON_RECONCILIATION", "Reconciliation: Task is unknown", null, now)));
        }
      }
      outbox.appendAll(out.stream().map(u -> new Outbox.Pending(Topics.framework(frameworkId),
          Envelope.of(u, now, leadership.epoch()))).toList());
    });
  }

  private static TaskStatusUpdate reconciliation(Task t, Instant now) {
    return new TaskStatusUpdate(t.frameworkId(), t.taskId(), t.agentId(), t.state(), SOURCE_MASTER,
        "REASON_RECONCILIATION", "Reconciliation: Latest task state", null, now);
  }

  private Outbox.Pending event(Task task, String agentId, String source) {
    return new Outbox.Pending(Topics.framework(task.frameworkId()), Envelope.of(new TaskStatusUpdate(
        task.frameworkId(), task.taskId(), agentId, task.state(), source, task.reason(), task.message(),
        task.statusUuid(), task.updatedAt()), task.updatedAt(), leadership.epoch()));
  }

  private static TaskState parseState(String name) {
    try {
      return name == null ? null : TaskState.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
