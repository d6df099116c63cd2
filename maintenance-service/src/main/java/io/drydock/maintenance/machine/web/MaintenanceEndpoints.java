package io.drydock.maintenance.machine.web;

import io.drydock.events.MachineId;
import io.drydock.maintenance.http.HttpProperties;
import io.drydock.maintenance.http.MaintenanceMessages;
import io.drydock.maintenance.http.MesosHttp;
import io.drydock.maintenance.http.ProtoException;
import io.drydock.maintenance.http.ProtoJson;
import io.drydock.maintenance.machine.MaintenanceService;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Mesos's maintenance endpoints (spec §1.5), reachable as {@code /<name>} and {@code /master/<name>}. Each
 * mapping takes every method so that a wrong one gets Mesos's 405 with {@code Allow}.
 */
@RestController
class MaintenanceEndpoints {

  private final MaintenanceService maintenance;
  private final HttpProperties http;

  MaintenanceEndpoints(MaintenanceService maintenance, HttpProperties http) {
    this.maintenance = maintenance;
    this.http = http;
  }

  @RequestMapping({"/maintenance/schedule", "/master/maintenance/schedule"})
  ResponseEntity<String> schedule(HttpServletRequest request, Principal principal) {
    return switch (request.getMethod()) {
      case "GET" -> MesosHttp.ok(
          ProtoJson.render(MaintenanceMessages.toMessage(maintenance.schedule(name(principal)))),
          MesosHttp.queryParameter(request, "jsonp"));
      case "POST" -> {
        JsonNode json = ProtoJson.parseJson(MesosHttp.body(request, http.maxRequestBytes()));
        if (!json.isObject()) {
          throw new ProtoException("Unexpected JSON type parsed");
        }
        var schedule = MaintenanceMessages.schedule(ProtoJson.parse(MaintenanceMessages.SCHEDULE, json));
        maintenance.updateSchedule(name(principal), MesosHttp.reason(request), schedule);
        yield MesosHttp.ok();
      }
      default -> MesosHttp.methodNotAllowed(List.of("GET", "POST"), request.getMethod());
    };
  }

  @RequestMapping({"/machine/down", "/master/machine/down"})
  ResponseEntity<String> down(HttpServletRequest request, Principal principal) {
    if (!"POST".equals(request.getMethod())) {
      return MesosHttp.methodNotAllowed(List.of("POST"), request.getMethod());
    }
    maintenance.startMaintenance(name(principal), MesosHttp.reason(request), machines(request));
    return MesosHttp.ok();
  }

  @RequestMapping({"/machine/up", "/master/machine/up"})
  ResponseEntity<String> up(HttpServletRequest request, Principal principal) {
    if (!"POST".equals(request.getMethod())) {
      return MesosHttp.methodNotAllowed(List.of("POST"), request.getMethod());
    }
    maintenance.stopMaintenance(name(principal), MesosHttp.reason(request), machines(request));
    return MesosHttp.ok();
  }

  @RequestMapping({"/maintenance/status", "/master/maintenance/status"})
  ResponseEntity<String> status(HttpServletRequest request, Principal principal) {
    if (!"GET".equals(request.getMethod())) {
      return MesosHttp.methodNotAllowed(List.of("GET"), request.getMethod());
    }
    return MesosHttp.ok(ProtoJson.render(MaintenanceMessages.toMessage(maintenance.status(name(principal)))),
        MesosHttp.queryParameter(request, "jsonp"));
  }

  private List<MachineId> machines(HttpServletRequest request) {
    JsonNode json = ProtoJson.parseJson(MesosHttp.body(request, http.maxRequestBytes()));
    if (!json.isArray()) {
      throw new ProtoException("Unexpected JSON type parsed");
    }
    return MaintenanceMessages.machineIds(ProtoJson.parseArray(MaintenanceMessages.MACHINE_ID, json));
  }

  private static String name(Principal principal) {
    return principal == null ? null : principal.getName();
  }
}
