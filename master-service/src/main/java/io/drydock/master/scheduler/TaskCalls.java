package io.drydock.master.scheduler;

import io.drydock.agentprotocol.KillTask;
import io.drydock.events.TaskState;
import io.drydock.master.agent.AgentClient;
import io.drydock.master.agent.AgentInfo;
import io.drydock.master.agent.AgentRegistry;
import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.framework.FrameworkRegistry;
import io.drydock.master.task.Task;
import io.drydock.master.task.TaskRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** KILL, ACKNOWLEDGE (and Drydock's ACKNOWLEDGE_BATCH), RECONCILE and TEARDOWN (also used when a framework's failover timeout expires). */
@Component
class TaskCalls {

  private static final Logger log = LoggerFactory.getLogger(TaskCalls.class);

  private final TaskRegistry tasks;
  private final AgentRegistry agents;
  private final AgentClient client;
  private final FrameworkRegistry frameworks;

  TaskCalls(TaskRegistry tasks, AgentRegistry agents, AgentClient client, FrameworkRegistry frameworks) {
    this.tasks = tasks;
    this.agents = agents;
    this.client = client;
    this.frameworks = frameworks;
  }

  void kill(FrameworkInfo framework, JsonNode call) {
    JsonNode kill = Json.message(call, "kill");
    if (kill == null) {
      throw CallException.validation("Expecting 'kill' to be present");
    }
    String taskId = Json.id(kill, "task_id");
    if (taskId == null) {
      throw CallException.conversion("Missing required fields: kill.task_id");
    }
    JsonNode policy = Json.message(kill, "kill_policy");
    JsonNode grace = policy == null ? null : Json.message(policy, "grace_period");
    Double graceNanos = grace == null ? null : Json.number(grace, "nanoseconds");
    Optional<Task> task = tasks.find(framework.id(), taskId);
    if (task.isEmpty() || task.get().state().isTerminal()) {
      tasks.refused(framework.id(), taskId, Json.id(kill, "agent_id"),
          framework.partitionAware() ? TaskState.TASK_UNKNOWN : TaskState.TASK_LOST, "REASON_RECONCILIATION",
          "Attempted to kill an unknown task");
      return;
    }
    Optional<AgentInfo> agent = agents.get(task.get().agentId());
    if (agent.isEmpty()) {
      for (Task t : tasks.masterUpdate(List.of(task.get()), TaskState.TASK_LOST, "REASON_AGENT_DISCONNECTED",
          "Agent " + task.get().agentId() + " is not registered")) {
        agents.recover(t);
      }
      return;
    }
    client.kill(agent.get(), new KillTask(framework.id(), taskId, graceNanos == null ? null : graceNanos / 1e9))
        .exceptionally(e -> {
          log.warn("Could not send the kill of task {} to agent {}: {}", taskId, agent.get().id(), e.toString());
          return null;
        });
  }

  /** Most acknowledgements one ACKNOWLEDGE_BATCH call may carry. */
  static final int MAX_BATCH = 10_000;

  void acknowledge(JsonNode call) {
    JsonNode ack = Json.message(call, "acknowledge");
    if (ack == null) {
      throw CallException.validation("Expecting 'acknowledge' to be present");
    }
    checkAcknowledgement(ack, "acknowledge");
    // Updates are durable in the framework's topic; the acknowledgement only confirms receipt.
  }

  /**
   * Drydock's extension: several acknowledgements in one call, each checked as ACKNOWLEDGE checks its one.
   * The whole call is refused when any of them is malformed.
   */
  void acknowledgeBatch(JsonNode call) {
    JsonNode batch = Json.message(call, "acknowledge_batch");
    if (batch == null) {
      throw CallException.validation("Expecting 'acknowledge_batch' to be present");
    }
    List<JsonNode> acks = Json.repeated(batch, "acknowledgements");
    if (acks.isEmpty()) {
      throw CallException.validation("Expecting 'acknowledge_batch.acknowledgements' to be non-empty");
    }
    if (acks.size() > MAX_BATCH) {
      throw CallException.validation("Expecting at most " + MAX_BATCH
          + " entries in 'acknowledge_batch.acknowledgements', got " + acks.size());
    }
    for (int i = 0; i < acks.size(); i++) {
      JsonNode ack = acks.get(i);
      String path = "acknowledge_batch.acknowledgements[" + i + "]";
      if (!ack.isObject()) {
        throw CallException.conversion("Not expecting a JSON " + (ack.isArray() ? "array" : "scalar")
            + " for field '" + path + "'");
      }
      checkAcknowledgement(ack, path);
    }
  }

  private static void checkAcknowledgement(JsonNode ack, String path) {
    List<String> missing = new ArrayList<>();
    if (Json.id(ack, "agent_id") == null) {
      missing.add(path + ".agent_id");
    }
    if (Json.id(ack, "task_id") == null) {
      missing.add(path + ".task_id");
    }
    if (Json.string(ack, "uuid") == null) {
      missing.add(path + ".uuid");
    }
    if (!missing.isEmpty()) {
      throw CallException.conversion("Missing required fields: " + String.join(", ", missing));
    }
  }

  void reconcile(FrameworkInfo framework, JsonNode call) {
    JsonNode reconcile = Json.message(call, "reconcile");
    if (reconcile == null) {
      throw CallException.validation("Expecting 'reconcile' to be present");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode t : Json.repeated(reconcile, "tasks")) {
      String id = Json.id(t, "task_id");
      if (id == null) {
        throw CallException.conversion("Missing required fields: reconcile.tasks.task_id");
      }
      ids.add(id);
    }
    tasks.reconcile(framework.id(), ids, framework.partitionAware());
  }

  /** Removes a framework: its running tasks are killed on their agents and end TASK_KILLED. */
  void teardown(FrameworkInfo framework, String message) {
    List<Task> running = tasks.ofFramework(framework.id()).stream().filter(t -> !t.state().isTerminal()).toList();
    for (Task t : running) {
      agents.get(t.agentId()).ifPresent(agent -> client.kill(agent, new KillTask(framework.id(), t.taskId(), null))
          .exceptionally(e -> null));
    }
    tasks.masterUpdate(running, TaskState.TASK_KILLED, "REASON_FRAMEWORK_REMOVED", message);
    frameworks.remove(framework.id(), message);
    log.info("Removed framework {} ({}): {}", framework.id(), framework.name(), message);
  }
}
