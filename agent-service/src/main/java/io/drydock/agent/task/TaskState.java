package io.drydock.agent.task;

import java.util.Set;

/** The Mesos task states and reasons this agent sends. */
public final class TaskState {

  public static final String RUNNING = "TASK_RUNNING";
  public static final String FINISHED = "TASK_FINISHED";
  public static final String FAILED = "TASK_FAILED";
  public static final String KILLED = "TASK_KILLED";
  public static final String LOST = "TASK_LOST";

  public static final String REASON_COMMAND_EXECUTOR_FAILED = "REASON_COMMAND_EXECUTOR_FAILED";
  public static final String REASON_EXECUTOR_TERMINATED = "REASON_EXECUTOR_TERMINATED";
  public static final String REASON_TASK_KILLED_DURING_LAUNCH = "REASON_TASK_KILLED_DURING_LAUNCH";
  public static final String REASON_TASK_UNKNOWN = "REASON_TASK_UNKNOWN";

  private static final Set<String> TERMINAL = Set.of(FINISHED, FAILED, KILLED, LOST, "TASK_ERROR", "TASK_DROPPED",
      "TASK_GONE", "TASK_GONE_BY_OPERATOR");

  private TaskState() {}

  public static boolean isTerminal(String state) {
    return TERMINAL.contains(state);
  }
}
