package io.drydock.master.operator;

import io.drydock.allocator.resources.Resources;
import io.drydock.master.operation.OperationException;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.quota.QuotaConfig;
import io.drydock.master.quota.Quotas;
import io.drydock.master.reservation.Reservations;
import io.drydock.master.role.RoleJson;
import io.drydock.master.role.RolesView;
import io.drydock.master.weight.WeightJson;
import io.drydock.master.weight.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The v1 operator calls the master answers itself: roles, weights, quota, reservations, volumes. */
@Component
public class OperatorCalls {

  /** Call types forwarded to maintenance-service. */
  public static final Set<String> MAINTENANCE = Set.of("GET_MAINTENANCE_STATUS", "GET_MAINTENANCE_SCHEDULE",
      "UPDATE_MAINTENANCE_SCHEDULE", "START_MAINTENANCE", "STOP_MAINTENANCE");

  /** Call types answered here, with the field each one requires (null: none). */
  private static final Map<String, String> OWN = Map.of("GET_ROLES", "", "GET_WEIGHTS", "",
      "UPDATE_WEIGHTS", "update_weights", "GET_QUOTA", "", "UPDATE_QUOTA", "update_quota",
      "RESERVE_RESOURCES", "reserve_resources", "UNRESERVE_RESOURCES", "unreserve_resources",
      "CREATE_VOLUMES", "create_volumes", "DESTROY_VOLUMES", "destroy_volumes");

  private final RolesView roles;
  private final Weights weights;
  private final Quotas quotas;
  private final Reservations reservations;

  OperatorCalls(RolesView roles, Weights weights, Quotas quotas, Reservations reservations) {
    this.roles = roles;
    this.weights = weights;
    this.quotas = quotas;
    this.reservations = reservations;
  }

  /** A JSON answer (200) or an empty one with a status (200, 202). */
  public record Answer(int status, String json) {}

  public static boolean serves(String type) {
    return OWN.containsKey(type);
  }

  /** {@code validation::master::call::validate}: null when valid. */
  public static String validate(String type, JsonNode call) {
    String required = OWN.get(type);
    if (required != null && !required.isEmpty() && (call.get(required) == null || !call.get(required).isObject())) {
      return "Expecting '" + required + "' to be present";
    }
    return null;
  }

  public Answer handle(String type, JsonNode call, String principal) {
    switch (type) {
      case "GET_ROLES":
        return new Answer(200, RoleJson.v1(roles.roles(principal)).toString());
      case "GET_WEIGHTS": {
        ObjectNode out = ResourceCodec.JSON.createObjectNode().put("type", type);
        ObjectNode body = out.putObject("get_weights");
        List<Weights.WeightInfo> visible = weights.visible(principal);
        if (!visible.isEmpty()) {
          ArrayNode infos = body.putArray("weight_infos");
          visible.forEach(w -> infos.addObject().put("role", w.role()).put("weight", w.weight()));
        }
        return new Answer(200, out.toString());
      }
      case "UPDATE_WEIGHTS": {
        List<Weights.WeightInfo> infos = new ArrayList<>();
        for (JsonNode info : repeated(call.get("update_weights"), "weight_infos")) {
          infos.add(WeightJson.weightInfo(info, "Failed to convert JSON into Call protobuf: "));
        }
        weights.update(principal, infos);
        return new Answer(200, null);
      }
      case "GET_QUOTA": {
        ObjectNode out = ResourceCodec.JSON.createObjectNode().put("type", type);
        out.putObject("get_quota").set("status", quotas.status(principal));
        return new Answer(200, out.toString());
      }
      case "UPDATE_QUOTA": {
        JsonNode update = call.get("update_quota");
        List<QuotaConfig> configs = new ArrayList<>();
        for (JsonNode c : repeated(update, "quota_configs")) {
          configs.add(Quotas.parseConfig(c, principal));
        }
        JsonNode force = update.get("force");
        quotas.update(principal, force != null && force.asBoolean(), configs);
        return new Answer(200, null);
      }
      case "RESERVE_RESOURCES": {
        JsonNode body = call.get("reserve_resources");
        reservations.reserve(principal, agentId(body), resources(body, "resources"));
        return new Answer(202, null);
      }
      case "UNRESERVE_RESOURCES": {
        JsonNode body = call.get("unreserve_resources");
        reservations.unreserve(principal, agentId(body), resources(body, "resources"));
        return new Answer(202, null);
      }
      case "CREATE_VOLUMES": {
        JsonNode body = call.get("create_volumes");
        reservations.createVolumes(principal, agentId(body), resources(body, "volumes"));
        return new Answer(202, null);
      }
      case "DESTROY_VOLUMES": {
        JsonNode body = call.get("destroy_volumes");
        reservations.destroyVolumes(principal, agentId(body), resources(body, "volumes"));
        return new Answer(202, null);
      }
      default:
        throw new OperationException(501, "");
    }
  }

  private static List<JsonNode> repeated(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw OperationException.badRequest("Failed to convert JSON into Call protobuf: Not expecting a JSON "
          + "value of this kind for field '" + field + "'");
    }
    n.forEach(out::add);
    return out;
  }

  private String agentId(JsonNode body) {
    JsonNode id = body.get("agent_id");
    String value = id == null || !id.isObject() || id.get("value") == null ? null : id.get("value").asString();
    if (value == null) {
      throw OperationException.badRequest("Failed to convert JSON into Call protobuf: Missing required fields: "
          + "agent_id");
    }
    reservations.agent(value);
    return value;
  }

  private static Resources resources(JsonNode body, String field) {
    try {
      return ResourceCodec.parse(ResourceCodec.JSON.valueToTree(repeated(body, field)));
    } catch (IllegalArgumentException e) {
      throw OperationException.badRequest(e.getMessage());
    }
  }
}
