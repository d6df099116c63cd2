package io.drydock.master.role.web;

import io.drydock.master.operation.MesosHttp;
import io.drydock.master.role.RoleJson;
import io.drydock.master.role.RolesView;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /roles} (read-only realm; GET and POST as Mesos's read-only handlers). */
@RestController
class RolesEndpoint {

  private final RolesView roles;

  RolesEndpoint(RolesView roles) {
    this.roles = roles;
  }

  @RequestMapping({"/roles", "/master/roles"})
  ResponseEntity<String> roles(HttpServletRequest request, Principal principal) {
    if (!"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod())) {
      return MesosHttp.methodNotAllowed(List.of("GET", "POST"), request.getMethod());
    }
    return MesosHttp.json(request, RoleJson.endpoint(roles.roles(principal == null ? null : principal.getName()))
        .toString());
  }
}
