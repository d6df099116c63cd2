package io.drydock.agent.task;

import io.drydock.agentprotocol.LaunchTasks;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tasks of a simulated agent: nothing is spawned; a task "runs" for the seconds in its
 * {@value #DURATION_LABEL} label (until killed when it has none), then finishes with the exit code in
 * {@value #EXIT_CODE_LABEL} (0 → TASK_FINISHED, else TASK_FAILED). Every task of a fleet shares one
 * scheduler, so thousands of agents cost a timer entry per running task, not a thread. Kills are
 * immediate. Tasks live in memory only.
 */
public final class SimulatedTaskExecutor extends TaskExecutor {

  public static final String DURATION_LABEL = "drydock.sim.duration-seconds";
  public static final String EXIT_CODE_LABEL = "drydock.sim.exit-code";

  private final ScheduledExecutorService scheduler;
  private final Map<String, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();

  public SimulatedTaskExecutor(StatusUpdateQueue updates, Clock clock, ScheduledExecutorService scheduler) {
    super(updates, clock);
    this.scheduler = scheduler;
  }

  @Override
  protected void validate(LaunchTasks.Task task) {
    Map<String, String> labels = task.labels() == null ? Map.of() : task.labels();
    String duration = labels.get(DURATION_LABEL);
    if (duration != null) {
      try {
        double seconds = Double.parseDouble(duration.trim());
        if (!Double.isFinite(seconds) || seconds < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new TaskDefinitionException("Task '" + task.taskId() + "' has an invalid " + DURATION_LABEL
            + " label '" + duration + "': expected a non-negative number of seconds");
      }
    }
    String exitCode = labels.get(EXIT_CODE_LABEL);
    if (exitCode != null && !exitCode.trim().matches("-?\\d{1,9}")) {
      throw new TaskDefinitionException("Task '" + task.taskId() + "' has an invalid " + EXIT_CODE_LABEL
          + " label '" + exitCode + "': expected an integer");
    }
  }

  @Override
  protected void start(TaskRecord record) {
    transition(record, TaskState.RUNNING, null, null);
    Map<String, String> labels = record.task.labels() == null ? Map.of() : record.task.labels();
    String duration = labels.get(DURATION_LABEL);
    if (duration == null) {
      return;
    }
    int exitCode = Integer.parseInt(labels.getOrDefault(EXIT_CODE_LABEL, "0").trim());
    long millis = Math.round(Double.parseDouble(duration.trim()) * 1000);
    timers.put(record.key(), scheduler.schedule(() -> {
      timers.remove(record.key());
      if (exitCode == 0) {
        transition(record, TaskState.FINISHED, null, "Command exited with status 0");
      } else {
        transition(record, TaskState.FAILED, TaskState.REASON_COMMAND_EXECUTOR_FAILED,
            "Command exited with status " + exitCode);
      }
    }, millis, TimeUnit.MILLISECONDS));
  }

  @Override
  protected void terminate(TaskRecord record, Duration gracePeriod) {
    ScheduledFuture<?> timer = timers.remove(record.key());
    if (timer != null) {
      timer.cancel(false);
    }
    transition(record, TaskState.KILLED, null, "Task killed");
  }

  @Override
  public void close() {
    timers.values().forEach(timer -> timer.cancel(false));
    timers.clear();
  }
}
