package io.drydock.master.operator.web;

import io.drydock.master.operation.MesosHttp;
import io.drydock.master.operation.OperationException;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.operator.MaintenanceForwarder;
import io.drydock.master.operator.OperatorCalls;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The v1 operator API with Mesos's checks in Mesos's order (spec §0.2): POST only, {@code Content-Type}
 * present (400) and JSON (415), body is JSON (400), a Call (400), valid (400), {@code Accept} allows JSON (406),
 * then the call. Maintenance calls go verbatim to maintenance-service and its answer is relayed.
 */
@RestController
class OperatorApiEndpoint {

  private static final String PROTOBUF = "application/x-protobuf";

  private final OperatorCalls calls;
  private final MaintenanceForwarder maintenance;

  OperatorApiEndpoint(OperatorCalls calls, MaintenanceForwarder maintenance) {
    this.calls = calls;
    this.maintenance = maintenance;
  }

  @RequestMapping({"/api/v1", "/master/api/v1"})
  ResponseEntity<String> call(HttpServletRequest request, Principal principal) {
    if (!"POST".equals(request.getMethod())) {
      return MesosHttp.methodNotAllowed(List.of("POST"), request.getMethod());
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType == null) {
      return MesosHttp.text(400, "Expecting 'Content-Type' to be present");
    }
    if (!isJson(contentType)) {
      return MesosHttp.text(415, "Expecting 'Content-Type' of " + MediaType.APPLICATION_JSON_VALUE
          + " (Drydock does not accept " + PROTOBUF + ")");
    }
    String body = MesosHttp.body(request);
    JsonNode call;
    try {
      call = ResourceCodec.JSON.readTree(body);
    } catch (RuntimeException e) {
      return MesosHttp.text(400, "Failed to parse body into JSON: " + e.getMessage());
    }
    if (call == null || !call.isObject()) {
      return MesosHttp.text(400, "Failed to convert JSON into Call protobuf: Expecting a JSON object");
    }
    JsonNode typeNode = call.get("type");
    if (typeNode != null && !typeNode.isNull() && !typeNode.isString()) {
      return MesosHttp.text(400, "Failed to convert JSON into Call protobuf: Not expecting a JSON "
          + (typeNode.isContainer() ? "object" : "number") + " for field 'type'");
    }
    String type = typeNode == null || typeNode.isNull() ? null : typeNode.stringValue();
    if (type != null && !type.equals("UNKNOWN") && !OperatorCalls.serves(type)
        && !OperatorCalls.MAINTENANCE.contains(type) && !KnownCalls.TYPES.contains(type)) {
      type = null;
    }
    if (type == null) {
      return MesosHttp.text(400, "Failed to validate master::Call: Expecting 'type' to be present");
    }
    if (OperatorCalls.MAINTENANCE.contains(type)) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", contentType);
      headers.put("Accept", request.getHeader(HttpHeaders.ACCEPT));
      headers.put("Authorization", request.getHeader(HttpHeaders.AUTHORIZATION));
      MaintenanceForwarder.Answer answer = maintenance.forward(body, headers);
      ResponseEntity.BodyBuilder b = ResponseEntity.status(answer.status());
      if (answer.contentType() != null) {
        b.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
      }
      return b.body(answer.body());
    }
    String invalid = OperatorCalls.validate(type, call);
    if (invalid != null) {
      return MesosHttp.text(400, "Failed to validate master::Call: " + invalid);
    }
    if (!acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
      return MesosHttp.text(406, "Expecting 'Accept' to allow '" + PROTOBUF + "' or '"
          + MediaType.APPLICATION_JSON_VALUE + "'");
    }
    if (!OperatorCalls.serves(type)) {
      return MesosHttp.text(501, "UNKNOWN".equals(type) ? "" : type + " is not implemented by this master");
    }
    try {
      OperatorCalls.Answer answer = calls.handle(type, call, principal == null ? null : principal.getName());
      if (answer.json() == null) {
        return ResponseEntity.status(answer.status()).build();
      }
      return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.json());
    } catch (OperationException e) {
      return MesosHttp.of(e);
    }
  }

  private static boolean isJson(String contentType) {
    try {
      return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /** A missing {@code Accept} accepts anything; otherwise some range must include JSON. */
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
