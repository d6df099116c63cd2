package io.drydock.agentprotocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The master asks the agent to run tasks a framework launched from an offer. */
public record LaunchTasks(String frameworkId, List<Task> tasks) {

  /**
   * One task.
   *
   * @param resources the task's resources as a Mesos resources string
   * @param command the shell command, or {@code null} for a simulated task
   * @param environment environment variables for the command
   * @param labels the task's labels; a simulated agent reads {@code drydock.sim.duration-seconds}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Task(
      String taskId, String name, String resources, String command, Map<String, String> environment,
      Map<String, String> labels) {}
}
