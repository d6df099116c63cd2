package io.drydock.bench.maintenance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** The operator's calls to maintenance-service (Mesos paths and JSON, HTTP Basic). */
final class Operator {
  private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.json.JsonMapper();
  private final String base;
  private final String auth;
  private final HttpClient http = HttpClient.newHttpClient();

  Operator(String base, String principal, String secret) {
    this.base = base;
    this.auth = "Basic " + Base64.getEncoder().encodeToString(
        (principal + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  void schedule(List<List<Integer>> windows, Instant first, Duration spacing, Duration length) throws Exception {
    List<String> json = new ArrayList<>();
    for (int w = 0; w < windows.size(); w++) {
      Instant start = first.plus(spacing.multipliedBy(w));
      long nanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
      json.add("{\"machine_ids\":" + machines(windows.get(w)) + ",\"unavailability\":{\"start\":{\"nanoseconds\":"
          + nanos + "},\"duration\":{\"nanoseconds\":" + length.toNanos() + "}}}");
    }
    post("/maintenance/schedule", "{\"windows\":[" + String.join(",", json) + "]}");
  }

  /** The master's view of the tasks ({@code /master/tasks}: id and state), for diagnostics when a step stalls. */
  String masterTasks(String master) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
          URI.create(master + "/master/tasks?limit=1000")).header("Authorization", auth).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
      for (tools.jackson.databind.JsonNode task : JSON.readTree(response.body()).path("tasks")) {
        out.put(task.path("id").asString(), task.path("state").asString() + "@" + task.path("hostname").asString());
      }
      return "master's tasks " + out;
    } catch (Exception e) {
      return "master: /master/tasks failed: " + e;
    }
  }

  /**
   * The ids of the tasks the master has as not terminal whose id starts with {@code prefix} (to compare with
   * what the framework believes it runs).
   */
  java.util.Set<String> liveTasks(String master, String prefix) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create(master + "/master/tasks?limit=1000")).header("Authorization", auth).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    java.util.Set<String> live = new java.util.TreeSet<>();
    for (tools.jackson.databind.JsonNode task : JSON.readTree(response.body()).path("tasks")) {
      String id = task.path("id").asString();
      String state = task.path("state").asString();
      if (id.startsWith(prefix) && !io.drydock.events.TaskState.valueOf(state).isTerminal()) {
        live.add(id);
      }
    }
    return live;
  }

  void down(List<Integer> machines) throws Exception {
    post("/machine/down", machines(machines));
  }

  void up(List<Integer> machines) throws Exception {
    post("/machine/up", machines(machines));
  }

  private static String machines(List<Integer> machines) {
    return machines.stream().map(i -> "{\"hostname\":\"" + MaintenanceScenario.host(i) + "\",\"ip\":\""
        + MaintenanceScenario.ip(i) + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private void post(String path, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", auth).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
          + response.body());
    }
  }
}
