package io.drydock.master.scheduler;

import io.drydock.allocator.FrameworkId;
import io.drydock.events.Topics;
import io.drydock.master.allocation.AcceptOutcome;
import io.drydock.master.allocation.AllocationActor;
import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.framework.FrameworkProperties;
import io.drydock.master.framework.FrameworkRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses, validates and dispatches one v1 scheduler call (spec §0.2–§0.3 conventions). Every refusal is
 * a {@link CallException} with Mesos's status and message; client input never yields a 500.
 */
@Component
public class SchedulerApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> TYPES = Set.of("SUBSCRIBE", "TEARDOWN", "ACCEPT", "DECLINE",
      "ACCEPT_INVERSE_OFFERS", "DECLINE_INVERSE_OFFERS", "REVIVE", "KILL", "SHUTDOWN", "ACKNOWLEDGE",
      "ACKNOWLEDGE_BATCH", "ACKNOWLEDGE_OPERATION_STATUS", "RECONCILE", "RECONCILE_OPERATIONS", "MESSAGE", "REQUEST", "SUPPRESS",
      "UPDATE_FRAMEWORK", "UNKNOWN");

  private final Subscriptions subscriptions;
  private final OfferCalls offers;
  private final TaskCalls tasks;
  private final FrameworkRegistry frameworks;
  private final AllocationActor allocation;
  private final FrameworkProperties properties;

  SchedulerApi(Subscriptions subscriptions, OfferCalls offers, TaskCalls tasks, FrameworkRegistry frameworks,
      AllocationActor allocation, FrameworkProperties properties) {
    this.subscriptions = subscriptions;
    this.offers = offers;
    this.tasks = tasks;
    this.frameworks = frameworks;
    this.allocation = allocation;
    this.properties = properties;
  }

  /** The answer to a call: a status and, for SUBSCRIBE, a JSON body. */
  public record Answer(int status, String body) {}

  /**
   * Handles one call.
   *
   * @param principal the authenticated principal, or null when authentication is off
   * @throws CallException when the call is refused
   */
  public Answer handle(String body, String principal) {
    JsonNode call;
    try {
      call = JSON.readTree(body == null ? "" : body);
    } catch (JacksonException e) {
      throw CallException.badRequest("Failed to parse body into JSON: " + e.getOriginalMessage());
    }
    if (call == null || call.isMissingNode() || !call.isObject()) {
      throw CallException.conversion("Expecting a JSON object");
    }
    String type = Json.string(call, "type");
    if (type == null || !TYPES.contains(type)) {
      throw CallException.validation("Expecting 'type' to be present");
    }
    if (type.equals("UNKNOWN")) {
      return new Answer(501, null);
    }
    if (type.equals("SUBSCRIBE")) {
      FrameworkInfo framework = subscriptions.subscribe(call, principal);
      String json = JSON.createObjectNode()
          .put("type", "SUBSCRIBED")
          .set("subscribed", JSON.createObjectNode()
              .<tools.jackson.databind.node.ObjectNode>set("framework_id",
                  JSON.createObjectNode().put("value", framework.id()))
              .put("heartbeat_interval_seconds", properties.heartbeatIntervalSeconds())
              .put("topic", Topics.framework(framework.id())))
          .toString();
      return new Answer(200, json);
    }
    String frameworkId = Json.id(call, "framework_id");
    if (frameworkId == null) {
      throw CallException.validation("Expecting 'framework_id' to be present");
    }
    FrameworkInfo framework = frameworks.get(frameworkId)
        .orElseThrow(() -> CallException.badRequest("Framework cannot be found"));
    if (principal != null && !principal.equals(framework.principal())) {
      throw CallException.badRequest("Authenticated principal '" + principal + "' does not match principal '"
          + framework.principal() + "' set in `FrameworkInfo`");
    }
    FrameworkId fw = FrameworkId.of(frameworkId);
    switch (type) {
      case "ACCEPT" -> {
        List<AcceptOutcome.Dropped> dropped = offers.accept(framework, call);
        if (!dropped.isEmpty()) {
          return new Answer(202, droppedJson(dropped));
        }
      }
      case "DECLINE" -> offers.decline(framework, call);
      case "ACCEPT_INVERSE_OFFERS" -> offers.answerInverseOffers(framework, call, true);
      case "DECLINE_INVERSE_OFFERS" -> offers.answerInverseOffers(framework, call, false);
      case "REVIVE" -> allocation.revive(fw, roles(call, "revive")).join();
      case "SUPPRESS" -> allocation.suppress(fw, roles(call, "suppress")).join();
      case "KILL" -> tasks.kill(framework, call);
      case "ACKNOWLEDGE" -> tasks.acknowledge(call);
      case "ACKNOWLEDGE_BATCH" -> tasks.acknowledgeBatch(call);
      case "RECONCILE" -> tasks.reconcile(framework, call);
      case "TEARDOWN" -> tasks.teardown(framework, "Framework requested teardown");
      default -> {
        return new Answer(501, null);
      }
    }
    return new Answer(202, null);
  }

  /** Drydock's addition to Mesos's empty 202: which operations were dropped and why. */
  private static String droppedJson(List<AcceptOutcome.Dropped> dropped) {
    tools.jackson.databind.node.ArrayNode list = JSON.createArrayNode();
    for (AcceptOutcome.Dropped d : dropped) {
      list.addObject().put("index", d.index()).put("type", d.type()).put("message", d.message());
    }
    return JSON.createObjectNode().set("dropped_operations", list).toString();
  }

  private static Set<String> roles(JsonNode call, String field) {
    Set<String> roles = new LinkedHashSet<>();
    for (JsonNode r : Json.repeated(Json.message(call, field), "roles")) {
      roles.add(r.asString());
    }
    return roles;
  }
}
