package io.drydock.master.state.web;

import io.drydock.master.operation.MesosHttp;
import io.drydock.master.state.ClusterReader;
import io.drydock.master.state.StateJson;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mesos's read endpoints of the master (read-only realm; GET and POST like Mesos's read-only handlers;
 * {@code jsonp} supported): {@code /state}, {@code /slaves?slave_id=}, {@code /frameworks?framework_id=},
 * {@code /tasks?limit=&offset=&order=&framework_id=&task_id=}, each also under {@code /master}. What the
 * principal may not view is left out, with {@code 200} (spec §8.4).
 */
@RestController
class StateEndpoints {

  private static final int DEFAULT_TASK_LIMIT = 100;

  private final ClusterReader reader;

  StateEndpoints(ClusterReader reader) {
    this.reader = reader;
  }

  @RequestMapping({"/state", "/master/state"})
  ResponseEntity<String> state(HttpServletRequest request, Principal principal) {
    if (!readMethod(request)) {
      return notAllowed(request);
    }
    return MesosHttp.json(request, StateJson.state(reader.read(name(principal))).toString());
  }

  @RequestMapping({"/slaves", "/master/slaves"})
  ResponseEntity<String> slaves(HttpServletRequest request, Principal principal) {
    if (!readMethod(request)) {
      return notAllowed(request);
    }
    return MesosHttp.json(request,
        StateJson.slavesEndpoint(reader.read(name(principal)), request.getParameter("slave_id")).toString());
  }

  @RequestMapping({"/frameworks", "/master/frameworks"})
  ResponseEntity<String> frameworks(HttpServletRequest request, Principal principal) {
    if (!readMethod(request)) {
      return notAllowed(request);
    }
    return MesosHttp.json(request, StateJson.frameworksEndpoint(reader.read(name(principal)),
        request.getParameter("framework_id")).toString());
  }

  @RequestMapping({"/tasks", "/master/tasks"})
  ResponseEntity<String> tasks(HttpServletRequest request, Principal principal) {
    if (!readMethod(request)) {
      return notAllowed(request);
    }
    int limit;
    int offset;
    try {
      limit = nonNegative(request, "limit", DEFAULT_TASK_LIMIT);
      offset = nonNegative(request, "offset", 0);
    } catch (IllegalArgumentException e) {
      return MesosHttp.text(400, e.getMessage());
    }
    String order = request.getParameter("order");
    if (order != null && !order.equals("asc") && !order.equals("des")) {
      return MesosHttp.text(400, "Failed to parse query parameter 'order': Expecting 'asc' or 'des'");
    }
    return MesosHttp.json(request, StateJson.tasksEndpoint(reader.read(name(principal)), limit, offset,
        !"asc".equals(order), request.getParameter("framework_id"), request.getParameter("task_id")).toString());
  }

  private static int nonNegative(HttpServletRequest request, String name, int fallback) {
    String value = request.getParameter(name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("Failed to parse query parameter '" + name + "': Expecting a non-negative"
        + " integer, got '" + value + "'");
  }

  private static boolean readMethod(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "POST".equals(request.getMethod());
  }

  private static ResponseEntity<String> notAllowed(HttpServletRequest request) {
    return MesosHttp.methodNotAllowed(List.of("GET", "POST"), request.getMethod());
  }

  private static String name(Principal principal) {
    return principal == null ? null : principal.getName();
  }
}
