package io.drydock.maintenance.api.web;

import io.drydock.maintenance.http.HttpProperties;
import io.drydock.maintenance.http.MaintenanceMessages;
import io.drydock.maintenance.http.MesosHttp;
import io.drydock.maintenance.http.ProtoException;
import io.drydock.maintenance.http.ProtoJson;
import io.drydock.maintenance.http.ProtoMessage;
import io.drydock.maintenance.machine.MaintenanceService;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The v1 operator API's maintenance calls, with Mesos's checks in Mesos's order (spec §0.2): method,
 * {@code Content-Type} present and supported, body parsed as JSON, converted to a Call, call validated,
 * {@code Accept}, then the call (with the same validation and authorization as the legacy endpoints).
 * JSON only: protobuf bodies get 415 and a protobuf-only {@code Accept} gets 406.
 */
@RestController
class OperatorApiEndpoint {

  private static final String PROTOBUF = "application/x-protobuf";

  private final MaintenanceService maintenance;
  private final HttpProperties http;

  OperatorApiEndpoint(MaintenanceService maintenance, HttpProperties http) {
    this.maintenance = maintenance;
    this.http = http;
  }

  @RequestMapping({"/api/v1", "/master/api/v1"})
  ResponseEntity<String> call(HttpServletRequest request, Principal principal) {
    if (!"POST".equals(request.getMethod())) {
      return MesosHttp.methodNotAllowed(List.of("POST"), request.getMethod());
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType == null) {
      return MesosHttp.badRequest("Expecting 'Content-Type' to be present");
    }
    if (!isJson(contentType)) {
      return MesosHttp.text(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Expecting 'Content-Type' of "
          + MediaType.APPLICATION_JSON_VALUE + (isProtobuf(contentType)
              ? " (Drydock does not accept " + PROTOBUF + ")" : " or " + PROTOBUF));
    }
    JsonNode json;
    try {
      json = ProtoJson.parseJson(MesosHttp.body(request, http.maxRequestBytes()));
    } catch (ProtoException e) {
      return MesosHttp.badRequest("Failed to parse body into JSON: " + e.getMessage());
    }
    ProtoMessage call;
    try {
      call = ProtoJson.parse(OperatorCalls.CALL, json);
    } catch (ProtoException e) {
      return MesosHttp.badRequest("Failed to convert JSON into Call protobuf: " + e.getMessage());
    }
    String invalid = validate(call);
    if (invalid != null) {
      return MesosHttp.badRequest("Failed to validate master::Call: " + invalid);
    }
    if (!acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
      return MesosHttp.text(HttpStatus.NOT_ACCEPTABLE,
          "Expecting 'Accept' to allow '" + PROTOBUF + "' or '" + MediaType.APPLICATION_JSON_VALUE + "'");
    }
    String type = call.string("type");
    String who = principal == null ? null : principal.getName();
    return switch (type) {
      case "UNKNOWN" -> ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).build();
      case "GET_MAINTENANCE_STATUS" -> json(new ProtoMessage(OperatorCalls.RESPONSE).set("type", type)
          .set("get_maintenance_status", new ProtoMessage(OperatorCalls.GET_MAINTENANCE_STATUS)
              .set("status", MaintenanceMessages.toMessage(maintenance.status(who)))));
      case "GET_MAINTENANCE_SCHEDULE" -> json(new ProtoMessage(OperatorCalls.RESPONSE).set("type", type)
          .set("get_maintenance_schedule", new ProtoMessage(OperatorCalls.GET_MAINTENANCE_SCHEDULE)
              .set("schedule", MaintenanceMessages.toMessage(maintenance.schedule(who)))));
      case "UPDATE_MAINTENANCE_SCHEDULE" -> {
        maintenance.updateSchedule(who, MesosHttp.reason(request), MaintenanceMessages.schedule(
            call.message("update_maintenance_schedule").message("schedule")));
        yield MesosHttp.ok();
      }
      case "START_MAINTENANCE" -> {
        maintenance.startMaintenance(who, MesosHttp.reason(request),
            MaintenanceMessages.machineIds(call.message("start_maintenance").messages("machines")));
        yield MesosHttp.ok();
      }
      case "STOP_MAINTENANCE" -> {
        maintenance.stopMaintenance(who, MesosHttp.reason(request),
            MaintenanceMessages.machineIds(call.message("stop_maintenance").messages("machines")));
        yield MesosHttp.ok();
      }
      default -> MesosHttp.text(HttpStatus.NOT_IMPLEMENTED,
          "maintenance-service does not serve " + type + "; send it to the master");
    };
  }

  /** {@code validation::master::call::validate} for the calls served here. */
  private static String validate(ProtoMessage call) {
    String type = call.string("type");
    if (type == null) {
      return "Expecting 'type' to be present";
    }
    String required = switch (type) {
      case "UPDATE_MAINTENANCE_SCHEDULE" -> "update_maintenance_schedule";
      case "START_MAINTENANCE" -> "start_maintenance";
      case "STOP_MAINTENANCE" -> "stop_maintenance";
      default -> null;
    };
    return required != null && !call.has(required) ? "Expecting '" + required + "' to be present" : null;
  }

  private static ResponseEntity<String> json(ProtoMessage response) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ProtoJson.render(response));
  }

  private static boolean isJson(String contentType) {
    try {
      return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private static boolean isProtobuf(String contentType) {
    return contentType.trim().toLowerCase().startsWith(PROTOBUF);
  }

  /** A missing {@code Accept} accepts anything; otherwise some acceptable range must include JSON. */
  private static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    try {
      for (MediaType range : MediaType.parseMediaTypes(accept)) {
        if (range.includes(MediaType.APPLICATION_JSON) && range.getQualityValue() > 0) {
          return true;
        }
      }
      return false;
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
