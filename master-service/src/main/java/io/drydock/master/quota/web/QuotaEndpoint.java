package io.drydock.master.quota.web;

import io.drydock.master.operation.MesosHttp;
import io.drydock.master.operation.OperationException;
import io.drydock.master.quota.Quotas;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Legacy quota endpoint (spec §4.3–4.4): GET, POST, DELETE on {@code /quota}; other methods 405. */
@RestController
class QuotaEndpoint {

  private final Quotas quotas;

  QuotaEndpoint(Quotas quotas) {
    this.quotas = quotas;
  }

  @RequestMapping({"/quota", "/master/quota", "/quota/**", "/master/quota/**"})
  ResponseEntity<String> quota(HttpServletRequest request, Principal principal) {
    String who = principal == null ? null : principal.getName();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    try {
      switch (request.getMethod()) {
        case "GET":
          return MesosHttp.json(request, quotas.status(who).toString());
        case "POST":
          quotas.set(who, MesosHttp.body(request));
          return ResponseEntity.ok().build();
        case "DELETE":
          quotas.remove(who, path);
          return ResponseEntity.ok().build();
        default:
          return MesosHttp.methodNotAllowed(List.of("GET", "POST", "DELETE"), request.getMethod());
      }
    } catch (OperationException e) {
      return MesosHttp.of(e);
    }
  }
}
