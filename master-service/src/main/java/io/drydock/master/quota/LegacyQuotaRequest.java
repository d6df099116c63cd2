package io.drydock.master.quota;

import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.ResourceType;
import io.drydock.allocator.role.Roles;
import io.drydock.master.operation.OperationException;
import io.drydock.master.operation.ResourceCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A legacy {@code POST /quota} body (spec §4.4) checked as Mesos checks it before looking at the cluster:
 * JSON shape, role, guarantee resources (scalar, unreserved, no disk info, no duplicates).
 */
record LegacyQuotaRequest(String role, Map<String, Double> guarantees, boolean force) {

  static final String INVALID = "Failed to validate set quota request: ";

  /** @throws OperationException 400 with Mesos's message */
  static LegacyQuotaRequest parse(String body) {
    JsonNode request;
    try {
      request = ResourceCodec.JSON.readTree(body);
    } catch (RuntimeException e) {
      throw OperationException.badRequest("Failed to parse set quota request JSON '" + body + "': "
          + e.getMessage());
    }
    if (request == null || !request.isObject()) {
      throw OperationException.badRequest("Failed to parse set quota request JSON '" + body
          + "': Expecting a JSON object");
    }
    JsonNode guaranteeJson = request.get("guarantee");
    JsonNode roleJson = request.get("role");
    JsonNode forceJson = request.get("force");
    if ((guaranteeJson != null && !guaranteeJson.isNull() && !guaranteeJson.isArray())
        || (roleJson != null && !roleJson.isNull() && roleJson.isContainer())
        || (forceJson != null && !forceJson.isNull() && !forceJson.isBoolean() && !forceJson.isString())) {
      throw OperationException.badRequest("Failed to validate set quota request JSON '" + body
          + "': Not expecting a JSON value of this kind for a QuotaRequest field");
    }
    boolean force = forceJson != null && forceJson.asBoolean();
    String role = roleJson == null || roleJson.isNull() ? null : roleJson.asString();
    String prefix = INVALID;
    List<Resource> guarantee = new ArrayList<>();
    if (guaranteeJson != null && !guaranteeJson.isNull()) {
      for (JsonNode r : guaranteeJson) {
        try {
          guarantee.add(ResourceCodec.parseOne(r));
        } catch (IllegalArgumentException e) {
          throw OperationException.badRequest(prefix + "QuotaInfo with invalid resource: " + e.getMessage());
        }
      }
    }
    if (role == null) {
      throw OperationException.badRequest(prefix + "QuotaInfo must specify a role");
    }
    String invalidRole = Roles.validate(role).orElse(null);
    if (invalidRole != null) {
      throw OperationException.badRequest(prefix + "QuotaInfo with invalid role: " + invalidRole);
    }
    if (guarantee.isEmpty()) {
      throw OperationException.badRequest(prefix + "QuotaInfo with empty 'guarantee'");
    }
    Map<String, Double> guarantees = new LinkedHashMap<>();
    for (Resource r : guarantee) {
      if (!r.reservations().isEmpty()) {
        throw OperationException.badRequest(prefix + "QuotaInfo must not contain any ReservationInfo");
      }
      if (r.volume() != null) {
        throw OperationException.badRequest(prefix + "QuotaInfo must not contain DiskInfo");
      }
      if (r.type() != ResourceType.SCALAR) {
        throw OperationException.badRequest(prefix + "QuotaInfo must not include non-scalar resources");
      }
      if (guarantees.put(r.name(), r.scalar()) != null) {
        throw OperationException.badRequest(prefix + "QuotaInfo contains duplicate resource name '" + r.name()
            + "'");
      }
    }
    return new LegacyQuotaRequest(role, guarantees, force);
  }
}
