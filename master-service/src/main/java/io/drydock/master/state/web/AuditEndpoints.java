package io.drydock.master.state.web;

import io.drydock.master.operation.MesosHttp;
import io.drydock.master.operation.OperatorChange;
import io.drydock.master.state.AuditRelay;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit trails through the master (read-write realm, GET only): {@code /master/audit/operator?limit=} (the
 * master's operator changes; operators only, else 403), {@code /master/audit/maintenance?limit=&before=} and
 * {@code /master/audit/auth?principal=&limit=} (relayed to maintenance-service and auth-service, whose answer
 * and status are returned unchanged).
 */
@RestController
class AuditEndpoints {

  private final AuditRelay relay;

  AuditEndpoints(AuditRelay relay) {
    this.relay = relay;
  }

  /** One master operator change. */
  record OperatorChangeDto(long id, Instant at, String principal, String action, String object, String detail) {
    static OperatorChangeDto of(OperatorChange c) {
      return new OperatorChangeDto(c.id(), c.at(), c.principal(), c.action(), c.object(), c.detail());
    }
  }

  /** The master's operator changes, newest first. */
  record OperatorChanges(List<OperatorChangeDto> changes) {}

  @GetMapping("/master/audit/operator")
  ResponseEntity<?> operator(@RequestParam(defaultValue = "100") String limit, Principal principal) {
    if (!relay.mayReadOperatorChanges(principal == null ? null : principal.getName())) {
      return ResponseEntity.status(403).build();
    }
    int size;
    try {
      size = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      size = -1;
    }
    if (size < 1 || size > 1000) {
      return MesosHttp.text(400, "limit must be between 1 and 1000");
    }
    return ResponseEntity.ok(new OperatorChanges(relay.operatorChanges(size).stream()
        .map(OperatorChangeDto::of).toList()));
  }

  @GetMapping("/master/audit/maintenance")
  ResponseEntity<String> maintenance(HttpServletRequest request) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("limit", request.getParameter("limit"));
    query.put("before", request.getParameter("before"));
    return relayed(relay.maintenance(query, request.getHeader(HttpHeaders.AUTHORIZATION)));
  }

  @GetMapping("/master/audit/auth")
  ResponseEntity<String> auth(HttpServletRequest request) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("principal", request.getParameter("principal"));
    query.put("limit", request.getParameter("limit"));
    return relayed(relay.auth(query, request.getHeader(HttpHeaders.AUTHORIZATION)));
  }

  private static ResponseEntity<String> relayed(AuditRelay.Answer answer) {
    ResponseEntity.BodyBuilder out = ResponseEntity.status(answer.status());
    if (answer.contentType() != null) {
      out.contentType(MediaType.parseMediaType(answer.contentType()));
    }
    return answer.body() == null || answer.body().isEmpty() ? out.build() : out.body(answer.body());
  }
}
