package io.drydock.agent.task;

import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.agentprotocol.StatusUpdate;
import io.drydock.agentprotocol.TaskReport;
import io.drydock.allocator.resources.ResourceParseException;
import io.drydock.allocator.resources.ResourceParser;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one agent's tasks and reports their states through its {@link StatusUpdateQueue}. A task stays known
 * until its terminal update is acknowledged, so re-registration reports it. Subclasses run processes
 * ({@link ProcessTaskExecutor}) or pretend to ({@link SimulatedTaskExecutor}).
 */
public abstract class TaskExecutor {

  protected final StatusUpdateQueue updates;
  protected final Clock clock;
  protected final Map<String, TaskRecord> tasks = new ConcurrentHashMap<>();

  protected TaskExecutor(StatusUpdateQueue updates, Clock clock) {
    this.updates = updates;
    this.clock = clock;
  }

  /** A task this agent knows. */
  protected static class TaskRecord {
    final String frameworkId;
    final LaunchTasks.Task task;
    volatile String state;
    volatile boolean killRequested;
    /** Set when the master shut the agent down: the master already ended the task, send nothing more. */
    volatile boolean silent;

    TaskRecord(String frameworkId, LaunchTasks.Task task, String state) {
      this.frameworkId = frameworkId;
      this.task = task;
      this.state = state;
    }

    String key() {
      return TaskExecutor.key(frameworkId, task.taskId());
    }

    boolean isTerminal() {
      return TaskState.isTerminal(state);
    }
  }

  protected static String key(String frameworkId, String taskId) {
    return frameworkId + "/" + taskId;
  }

  /** The updates of this agent. */
  public StatusUpdateQueue updates() {
    return updates;
  }

  /**
   * Validates a whole launch, then launches every task (all or nothing).
   *
   * @throws TaskDefinitionException when any task is malformed, a duplicate or already known
   */
  public void launch(LaunchTasks launch) {
    if (!isValidId(launch.frameworkId())) {
      throw new TaskDefinitionException("Invalid framework id '" + launch.frameworkId() + "': must be non-empty, "
          + "not '.' or '..', without '/' or control characters");
    }
    if (launch.tasks() == null || launch.tasks().isEmpty()) {
      throw new TaskDefinitionException("tasks must not be empty");
    }
    Set<String> ids = new HashSet<>();
    for (LaunchTasks.Task task : launch.tasks()) {
      String id = task == null ? null : task.taskId();
      if (!isValidId(id)) {
        throw new TaskDefinitionException("Invalid task id '" + id + "': must be non-empty, not '.' or '..', "
            + "without '/' or control characters");
      }
      if (!ids.add(id) || tasks.containsKey(key(launch.frameworkId(), id))) {
        throw new TaskDefinitionException("Task '" + id + "' of framework " + launch.frameworkId()
            + " is already known to this agent");
      }
      if (task.resources() != null && !task.resources().isBlank()) {
        try {
          ResourceParser.parse(task.resources());
        } catch (ResourceParseException e) {
          throw new TaskDefinitionException("Task '" + id + "' has invalid resources: " + e.getMessage());
        }
      }
      validate(task);
    }
    updates.batch(() -> {
      for (LaunchTasks.Task task : launch.tasks()) {
        TaskRecord record = new TaskRecord(launch.frameworkId(), task, "TASK_STAGING");
        tasks.put(record.key(), record);
        start(record);
      }
    });
  }

  private static boolean isValidId(String id) {
    return id != null && !id.isBlank() && !id.equals(".") && !id.equals("..") && !id.contains("/")
        && id.chars().noneMatch(Character::isISOControl);
  }

  /** Checks what this executor needs of a task. */
  protected abstract void validate(LaunchTasks.Task task);

  /** Starts a validated task; reports TASK_RUNNING, or a terminal state when it cannot start. */
  protected abstract void start(TaskRecord record);

  /**
   * Kills a task: SIGTERM, then SIGKILL after the grace period, then TASK_KILLED. An unknown task is
   * answered with TASK_LOST ({@code REASON_TASK_UNKNOWN}), as a Mesos agent does.
   */
  public void kill(String frameworkId, String taskId, Duration gracePeriod) {
    TaskRecord record = tasks.get(key(frameworkId, taskId));
    if (record == null) {
      updates.add(update(frameworkId, taskId, TaskState.LOST, TaskState.REASON_TASK_UNKNOWN,
          "Cannot find task " + taskId + " on this agent"));
      return;
    }
    if (record.isTerminal() || record.killRequested) {
      return;
    }
    record.killRequested = true;
    terminate(record, gracePeriod);
  }

  /** Ends a task being killed; it reports TASK_KILLED when it is gone. */
  protected abstract void terminate(TaskRecord record, Duration gracePeriod);

  /**
   * The master shut this agent down: every task is killed (with the given grace period) and nothing more
   * is reported about them (the master already ended them); unsent updates are dropped.
   */
  public void shutdown(Duration gracePeriod) {
    for (TaskRecord record : tasks.values()) {
      record.silent = true;
      if (record.isTerminal()) {
        forget(record);
      } else if (!record.killRequested) {
        record.killRequested = true;
        terminate(record, gracePeriod);
      }
    }
    updates.acknowledge(updates.pending(Integer.MAX_VALUE).stream().map(StatusUpdate::statusUuid).toList());
  }

  /** The tasks to report on (re-)registration: all not yet terminal and acknowledged, with their latest state. */
  public List<TaskReport> reports() {
    return tasks.values().stream().filter(r -> !r.silent)
        .map(r -> new TaskReport(r.frameworkId, r.task.taskId(), r.task.resources(), r.state))
        .toList();
  }

  /** The master acknowledged these updates: tasks whose terminal update it has are forgotten. */
  public void acknowledged(List<StatusUpdate> acknowledged) {
    for (StatusUpdate update : acknowledged) {
      TaskRecord record = tasks.get(key(update.frameworkId(), update.taskId()));
      if (record != null && record.isTerminal() && TaskState.isTerminal(update.state())) {
        forget(record);
      }
    }
  }

  /** Stops watching tasks without killing them (agent-service stops; a restart recovers them). */
  public abstract void close();

  /** Moves a task to a new state and reports it, unless the agent was shut down. */
  protected void transition(TaskRecord record, String state, String reason, String message) {
    synchronized (record) {
      if (record.isTerminal()) {
        return;
      }
      record.state = state;
      checkpoint(record);
      if (record.silent) {
        if (record.isTerminal()) {
          forget(record);
        }
        return;
      }
    }
    updates.add(update(record.frameworkId, record.task.taskId(), state, reason, message));
  }

  /** Persists a task's state (a real agent); no-op by default. */
  protected void checkpoint(TaskRecord record) {}

  /** Drops a task whose end the master knows. */
  protected void forget(TaskRecord record) {
    tasks.remove(record.key());
  }

  protected StatusUpdate update(String frameworkId, String taskId, String state, String reason, String message) {
    return new StatusUpdate(frameworkId, taskId, state, reason, message, UUID.randomUUID().toString(),
        clock.instant());
  }
}
