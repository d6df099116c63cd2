package io.drydock.master.scheduler;

import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.allocator.Filters;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.InverseOfferStatus;
import io.drydock.allocator.resources.Resources;
import io.drydock.events.Envelope;
import io.drydock.events.InverseOfferResponded;
import io.drydock.events.TaskState;
import io.drydock.events.Topics;
import io.drydock.master.agent.AgentClient;
import io.drydock.master.agent.AgentInfo;
import io.drydock.master.agent.AgentRegistry;
import io.drydock.master.allocation.AcceptOutcome;
import io.drydock.master.allocation.AllocationActor;
import io.drydock.master.allocation.InverseOfferAnswer;
import io.drydock.master.allocation.OfferOperation;
import io.drydock.master.allocation.TaskAssignment;
import io.drydock.master.allocation.TaskRequest;
import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.leader.Leadership;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.reservation.FrameworkOperations;
import io.drydock.master.task.Task;
import io.drydock.master.task.TaskRegistry;
import io.drydock.support.outbox.Outbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** ACCEPT (LAUNCH, RESERVE, UNRESERVE, CREATE, DESTROY), DECLINE, ACCEPT_INVERSE_OFFERS, DECLINE_INVERSE_OFFERS. */
@Component
class OfferCalls {

  private static final Logger log = LoggerFactory.getLogger(OfferCalls.class);

  private final AllocationActor allocation;
  private final TaskRegistry tasks;
  private final AgentRegistry agents;
  private final AgentClient client;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Leadership leadership;
  private final FrameworkOperations conversions;

  OfferCalls(AllocationActor allocation, TaskRegistry tasks, AgentRegistry agents, AgentClient client, Outbox outbox,
      TransactionTemplate transactions, Clock clock, Leadership leadership, FrameworkOperations conversions) {
    this.conversions = conversions;
    this.allocation = allocation;
    this.tasks = tasks;
    this.agents = agents;
    this.client = client;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
    this.leadership = leadership;
  }

  /** A task of a LAUNCH as the framework described it. */
  private record LaunchTask(String taskId, String name, String agentId, List<JsonNode> resources,
      LaunchTasks.Task agentTask) {}

  /** ACCEPT; answers the operations that were dropped (empty when all were applied). */
  List<AcceptOutcome.Dropped> accept(FrameworkInfo framework, JsonNode call) {
    JsonNode accept = Json.message(call, "accept");
    if (accept == null) {
      throw CallException.validation("Expecting 'accept' to be present");
    }
    List<String> offerIds = ids(accept, "offer_ids");
    Filters filters = filters(accept);
    List<JsonNode> ops = Json.repeated(accept, "operations");
    Map<Integer, List<LaunchTask>> launches = new LinkedHashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      String type = Json.string(ops.get(i), "type");
      if ("LAUNCH".equals(type)) {
        launches.put(i, launchTasks(ops.get(i), i));
      } else if (!CONVERSIONS.containsKey(type)) {
        throw CallException.badRequest("Unsupported operation: " + type
            + " (supported: LAUNCH, RESERVE, UNRESERVE, CREATE, DESTROY)");
      }
    }
    // one query for the ids of every launched task that are still in use
    Set<String> active = tasks.activeAmong(framework.id(), launches.values().stream().flatMap(List::stream)
        .map(LaunchTask::taskId).toList());
    Map<String, LaunchTask> byId = new LinkedHashMap<>();
    List<TaskRegistry.Refusal> refused = new ArrayList<>();
    List<OfferOperation> operations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ops.size(); i++) {
      List<LaunchTask> launch = launches.get(i);
      operations.add(launch != null
          ? OfferOperation.launch(i, launchRequests(launch, active, seen, byId, refused))
          : conversion(framework, ops.get(i), i, Json.string(ops.get(i), "type")));
    }
    AcceptOutcome outcome = allocation.accept(FrameworkId.of(framework.id()), offerIds, operations, filters).join();
    conversions.remember(framework.principal(), outcome);
    Map<String, List<TaskAssignment>> launchedByAgent = new LinkedHashMap<>();
    for (TaskAssignment a : outcome.tasks()) {
      if (a.launched()) {
        launchedByAgent.computeIfAbsent(a.agentId(), k -> new ArrayList<>()).add(a);
      } else {
        TaskState state = "REASON_INVALID_OFFERS".equals(a.reason())
            ? (framework.partitionAware() ? TaskState.TASK_DROPPED : TaskState.TASK_LOST)
            : TaskState.TASK_ERROR;
        refused.add(new TaskRegistry.Refusal(a.taskId(), a.agentId(), state, a.reason(), a.error()));
      }
    }
    tasks.refusedAll(framework.id(), refused);
    launchedByAgent.forEach((agentId, launched) -> launch(framework, agentId, launched, byId));
    for (AcceptOutcome.Dropped d : outcome.dropped()) {
      log.warn("Dropping {} operation {} of framework {}: {}", d.type(), d.index(), framework.id(), d.message());
    }
    return outcome.dropped();
  }

  /** Operation type → the field holding its resources. */
  private static final Map<String, String[]> CONVERSIONS = Map.of("RESERVE", new String[] {"reserve", "resources"},
      "UNRESERVE", new String[] {"unreserve", "resources"}, "CREATE", new String[] {"create", "volumes"},
      "DESTROY", new String[] {"destroy", "volumes"});

  private OfferOperation conversion(FrameworkInfo framework, JsonNode op, int index, String type) {
    String[] field = CONVERSIONS.get(type);
    List<JsonNode> json = Json.repeated(Json.message(op, field[0]), field[1]);
    if (json.isEmpty()) {
      return OfferOperation.dropped(index, type, "Invalid " + type + " operation: no " + field[1] + " given");
    }
    Resources resources;
    try {
      resources = ResourceJson.parse(json);
    } catch (RuntimeException e) {
      return OfferOperation.dropped(index, type, "Invalid " + type + " operation: " + e.getMessage());
    }
    return conversions.conversion(index, type, framework.principal(), resources);
  }

  private static List<LaunchTask> launchTasks(JsonNode op, int index) {
    List<JsonNode> infos = Json.repeated(Json.message(op, "launch"), "task_infos");
    List<LaunchTask> out = new ArrayList<>();
    for (int t = 0; t < infos.size(); t++) {
      out.add(task(infos.get(t), "accept.operations[" + index + "].launch.task_infos[" + t + "]"));
    }
    return out;
  }

  /** The tasks of one LAUNCH; duplicate ids and invalid resources are refused (TASK_ERROR) right away. */
  private static List<TaskRequest> launchRequests(List<LaunchTask> launch, Set<String> active, Set<String> seen,
      Map<String, LaunchTask> byId, List<TaskRegistry.Refusal> refused) {
    List<TaskRequest> requests = new ArrayList<>();
    for (LaunchTask task : launch) {
      if (!seen.add(task.taskId()) || active.contains(task.taskId())) {
        refused.add(new TaskRegistry.Refusal(task.taskId(), task.agentId(), TaskState.TASK_ERROR,
            "REASON_TASK_INVALID", "Task has duplicate ID: " + task.taskId()));
        continue;
      }
      Resources resources;
      try {
        resources = ResourceJson.parse(task.resources());
      } catch (RuntimeException e) {
        refused.add(new TaskRegistry.Refusal(task.taskId(), task.agentId(), TaskState.TASK_ERROR,
            "REASON_TASK_INVALID", "Task uses invalid resources: " + e.getMessage()));
        continue;
      }
      requests.add(new TaskRequest(task.taskId(), task.agentId(), resources));
      byId.put(task.taskId(), task);
    }
    return requests;
  }

  private void launch(FrameworkInfo framework, String agentId, List<TaskAssignment> launched,
      Map<String, LaunchTask> byId) {
    List<Task> staged = tasks.staging(framework.id(), agentId, launched.stream().map(a ->
        new TaskRegistry.NewTask(a.taskId(), byId.get(a.taskId()).name(), a.role(),
            ResourceCodec.toJson(a.resources())))
        .toList());
    AgentInfo agent = agents.get(agentId).orElse(null);
    if (agent == null) {
      lost(staged, "Agent " + agentId + " is not registered");
      return;
    }
    List<LaunchTasks.Task> agentTasks = launched.stream().map(a -> {
      LaunchTasks.Task t = byId.get(a.taskId()).agentTask();
      return new LaunchTasks.Task(t.taskId(), t.name(), a.resources().toString(), t.command(), t.environment(),
          t.labels());
    }).toList();
    client.launch(agent, new LaunchTasks(framework.id(), agentTasks)).exceptionally(e -> {
      log.warn("Could not launch {} tasks on agent {}: {}", agentTasks.size(), agentId, e.toString());
      lost(staged, "Agent " + agentId + " could not be reached: " + e.getMessage());
      return null;
    });
  }

  private void lost(List<Task> staged, String message) {
    for (Task t : tasks.masterUpdate(staged, TaskState.TASK_LOST, "REASON_AGENT_DISCONNECTED", message)) {
      agents.recover(t);
    }
  }

  private static LaunchTask task(JsonNode info, String path) {
    List<String> missing = new ArrayList<>();
    String name = Json.string(info, "name");
    String taskId = Json.id(info, "task_id");
    String agentId = Json.id(info, "agent_id");
    if (name == null) {
      missing.add(path + ".name");
    }
    if (taskId == null) {
      missing.add(path + ".task_id");
    }
    if (agentId == null) {
      missing.add(path + ".agent_id");
    }
    if (!missing.isEmpty()) {
      throw CallException.conversion("Missing required fields: " + String.join(", ", missing));
    }
    JsonNode command = Json.message(info, "command");
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode env = command == null ? null : Json.message(command, "environment");
    for (JsonNode v : Json.repeated(env, "variables")) {
      environment.put(Json.string(v, "name"), Json.string(v, "value"));
    }
    Map<String, String> labels = new HashMap<>();
    for (JsonNode l : Json.repeated(Json.message(info, "labels"), "labels")) {
      labels.put(Json.string(l, "key"), Json.string(l, "value"));
    }
    LaunchTasks.Task agentTask = new LaunchTasks.Task(taskId, name, null,
        command == null ? null : Json.string(command, "value"), environment, labels);
    return new LaunchTask(taskId, name, agentId, Json.repeated(info, "resources"), agentTask);
  }

  void decline(FrameworkInfo framework, JsonNode call) {
    JsonNode decline = Json.message(call, "decline");
    if (decline == null) {
      throw CallException.validation("Expecting 'decline' to be present");
    }
    allocation.decline(FrameworkId.of(framework.id()), ids(decline, "offer_ids"), filters(decline)).join();
  }

  void answerInverseOffers(FrameworkInfo framework, JsonNode call, boolean accept) {
    String field = accept ? "accept_inverse_offers" : "decline_inverse_offers";
    JsonNode body = Json.message(call, field);
    if (body == null) {
      throw CallException.validation("Expecting '" + field + "' to be present");
    }
    List<String> ids = ids(body, "inverse_offer_ids");
    if (ids.isEmpty()) {
      log.warn("{} from framework {} names no inverse offers", field, framework.id());
      return;
    }
    List<InverseOfferAnswer> answers = allocation.answerInverseOffers(FrameworkId.of(framework.id()), ids, accept,
        filters(body)).join();
    if (answers.isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(s -> {
      for (InverseOfferAnswer a : answers) {
        InverseOfferStatus status = a.status();
        InverseOfferResponded event = new InverseOfferResponded(status.frameworkId().value(),
            status.agentId().value(), a.machine(), status.answer() == InverseOfferStatus.Answer.ACCEPT
                ? InverseOfferResponded.Response.ACCEPT : InverseOfferResponded.Response.DECLINE,
            status.timestamp());
        outbox.append(Topics.INVERSE_OFFER_RESPONSES, Envelope.of(event, clock.instant(), leadership.epoch()));
      }
    });
  }

  private static List<String> ids(JsonNode parent, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode id : Json.repeated(parent, field)) {
      String value = Json.string(id, "value");
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  /** Filters omitted (or refuse_seconds omitted) mean the proto default, 5 s. */
  private static Filters filters(JsonNode parent) {
    JsonNode filters = Json.message(parent, "filters");
    Double refuse = filters == null ? null : Json.number(filters, "refuse_seconds");
    return new Filters(refuse);
  }
}
