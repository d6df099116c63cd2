package io.drydock.master.reservation.web;

import io.drydock.allocator.resources.Resources;
import io.drydock.master.operation.MesosHttp;
import io.drydock.master.operation.OperationException;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.reservation.Reservations;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The operator reservation and volume endpoints (spec §5.3, §6): POST only, a form-urlencoded body
 * ({@code slaveId=...&resources=<JSON array>} or {@code volumes=...}; Content-Type is not checked), 202 when
 * applied.
 */
@RestController
class ReservationEndpoints {

  private final Reservations reservations;

  ReservationEndpoints(Reservations reservations) {
    this.reservations = reservations;
  }

  @RequestMapping({"/reserve", "/master/reserve"})
  ResponseEntity<String> reserve(HttpServletRequest request, Principal principal) {
    return handle(request, principal, "resources", "Error parsing", (who, agent, r) -> reservations.reserve(who,
        agent, r));
  }

  @RequestMapping({"/unreserve", "/master/unreserve"})
  ResponseEntity<String> unreserve(HttpServletRequest request, Principal principal) {
    return handle(request, principal, "resources", "Error in parsing", (who, agent, r) ->
        reservations.unreserve(who, agent, r));
  }

  @RequestMapping({"/create-volumes", "/master/create-volumes"})
  ResponseEntity<String> createVolumes(HttpServletRequest request, Principal principal) {
    return handle(request, principal, "volumes", "Error in parsing", (who, agent, r) ->
        reservations.createVolumes(who, agent, r));
  }

  @RequestMapping({"/destroy-volumes", "/master/destroy-volumes"})
  ResponseEntity<String> destroyVolumes(HttpServletRequest request, Principal principal) {
    return handle(request, principal, "volumes", "Error in parsing", (who, agent, r) ->
        reservations.destroyVolumes(who, agent, r));
  }

  private interface Operation {
    void apply(String principal, String agentId, Resources resources);
  }

  private ResponseEntity<String> handle(HttpServletRequest request, Principal principal, String field,
      String parseError, Operation operation) {
    if (!"POST".equals(request.getMethod())) {
      return MesosHttp.methodNotAllowed(List.of("POST"), request.getMethod());
    }
    try {
      Map<String, String> form = form(request);
      String agentId = form.get("slaveId");
      if (agentId == null) {
        throw OperationException.badRequest("Missing 'slaveId' query parameter in the request body");
      }
      String json = form.get(field);
      if (json == null) {
        throw OperationException.badRequest("Missing '" + field + "' query parameter in the request body");
      }
      String prefix = parseError + " '" + field + "' query parameter in the request body: ";
      JsonNode array;
      try {
        array = ResourceCodec.JSON.readTree(json);
      } catch (RuntimeException e) {
        throw OperationException.badRequest(prefix + e.getMessage());
      }
      if (array == null || !array.isArray()) {
        throw OperationException.badRequest(prefix + "Expecting a JSON array");
      }
      for (JsonNode r : array) {
        if (!r.isObject() || r.get("name") == null || r.get("type") == null) {
          throw OperationException.badRequest(prefix + "Missing required fields: name, type");
        }
      }
      reservations.agent(agentId);
      Resources resources;
      try {
        resources = ResourceCodec.parse(array);
      } catch (IllegalArgumentException e) {
        throw OperationException.badRequest(e.getMessage());
      }
      operation.apply(principal == null ? null : principal.getName(), agentId, resources);
      return ResponseEntity.accepted().build();
    } catch (OperationException e) {
      return MesosHttp.of(e);
    }
  }

  /** The form body (or, when a filter already read it, the request parameters). */
  private static Map<String, String> form(HttpServletRequest request) {
    String body = MesosHttp.body(request);
    Map<String, String> out = new HashMap<>();
    if (body.isBlank()) {
      request.getParameterMap().forEach((k, v) -> out.put(k, v.length == 0 ? "" : v[0]));
      return out;
    }
    try {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(key, value);
      }
    } catch (IllegalArgumentException e) {
      throw OperationException.badRequest("Unable to decode query string: " + e.getMessage());
    }
    return out;
  }
}
