package io.drydock.sdk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends Mesos v1 scheduler calls to {@code POST /api/v1/scheduler}. Transport failures and 5xx
 * answers are retried with exponential backoff (up to {@code maxAttempts}); 4xx answers throw.
 */
final class MasterClient {

  static final String PATH = "/api/v1/scheduler";

  private final URI endpoint;
  private final HttpClient http;
  private final JsonMapper json;
  private final Authorization authorization;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private volatile String streamId;

  MasterClient(URI masterUrl, HttpClient http, JsonMapper json, Authorization authorization, int maxAttempts,
      Duration initialBackoff) {
    this.endpoint = masterUrl.resolve(PATH);
    this.http = http;
    this.json = json;
    this.authorization = authorization;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
  }

  /** SUBSCRIBE; answers the SUBSCRIBED body. */
  JsonNode subscribe(SchedulerOptions options, String frameworkId) {
    ObjectNode call = json.createObjectNode();
    if (frameworkId != null) {
      call.putObject("framework_id").put("value", frameworkId);
    }
    call.put("type", "SUBSCRIBE");
    ObjectNode info = call.putObject("subscribe").putObject("framework_info");
    info.put("user", System.getProperty("user.name", "drydock"));
    info.put("name", options.name());
    if (options.principal() != null) {
      info.put("principal", options.principal());
    }
    if (frameworkId != null) {
      info.putObject("id").put("value", frameworkId);
    }
    ArrayNode roles = info.putArray("roles");
    options.roles().forEach(roles::add);
    info.putArray("capabilities").addObject().put("type", "MULTI_ROLE");
    info.put("failover_timeout", options.failoverTimeout().toMillis() / 1000.0);
    if (options.maintenanceLookahead() != null) {
      info.put("maintenance_lookahead_seconds", options.maintenanceLookahead().toSeconds());
    }
    HttpResponse<String> response = send(call);
    response.headers().firstValue("Mesos-Stream-Id").ifPresent(id -> streamId = id);
    return json.readTree(response.body());
  }

  void launch(String frameworkId, Collection<String> offerIds, List<TaskSpec> tasks, double refuseSeconds) {
    ObjectNode call = call(frameworkId, "ACCEPT");
    ObjectNode accept = call.putObject("accept");
    ids(accept.putArray("offer_ids"), offerIds);
    ArrayNode taskInfos = accept.putArray("operations").addObject().put("type", "LAUNCH")
        .putObject("launch").putArray("task_infos");
    for (TaskSpec task : tasks) {
      ObjectNode info = taskInfos.addObject();
      info.put("name", task.name());
      info.putObject("task_id").put("value", task.taskId());
      info.putObject("agent_id").put("value", task.agentId());
      ArrayNode resources = info.putArray("resources");
      task.scalars().forEach((name, value) -> resources.addObject().put("name", name).put("type", "SCALAR")
          .putObject("scalar").put("value", value));
      if (task.command() != null) {
        ObjectNode command = info.putObject("command").put("value", task.command()).put("shell", true);
        if (!task.environment().isEmpty()) {
          ArrayNode variables = command.putObject("environment").putArray("variables");
          task.environment().forEach((k, v) -> variables.addObject().put("name", k).put("value", v));
        }
      }
      if (!task.labels().isEmpty()) {
        ArrayNode labels = info.putObject("labels").putArray("labels");
        task.labels().forEach((k, v) -> labels.addObject().put("key", k).put("value", v));
      }
    }
    accept.putObject("filters").put("refuse_seconds", refuseSeconds);
    send(call);
  }

  void decline(String frameworkId, Collection<String> offerIds, double refuseSeconds) {
    ObjectNode call = call(frameworkId, "DECLINE");
    ObjectNode decline = call.putObject("decline");
    ids(decline.putArray("offer_ids"), offerIds);
    decline.putObject("filters").put("refuse_seconds", refuseSeconds);
    send(call);
  }

  void answerInverseOffers(String frameworkId, boolean accept, Collection<String> ids, double refuseSeconds) {
    String type = accept ? "ACCEPT_INVERSE_OFFERS" : "DECLINE_INVERSE_OFFERS";
    ObjectNode call = call(frameworkId, type);
    ObjectNode body = call.putObject(type.toLowerCase(java.util.Locale.ROOT));
    ids(body.putArray("inverse_offer_ids"), ids);
    body.putObject("filters").put("refuse_seconds", refuseSeconds);
    send(call);
  }

  void kill(String frameworkId, String taskId, String agentId) {
    ObjectNode call = call(frameworkId, "KILL");
    ObjectNode kill = call.putObject("kill");
    kill.putObject("task_id").put("value", taskId);
    if (agentId != null) {
      kill.putObject("agent_id").put("value", agentId);
    }
    send(call);
  }

  void roles(String frameworkId, String type, Collection<String> roles) {
    ObjectNode call = call(frameworkId, type);
    ArrayNode list = call.putObject(type.toLowerCase(java.util.Locale.ROOT)).putArray("roles");
    roles.forEach(list::add);
    send(call);
  }

  void acknowledge(String frameworkId, String agentId, String taskId, String statusUuid) {
    ObjectNode call = call(frameworkId, "ACKNOWLEDGE");
    ObjectNode ack = call.putObject("acknowledge");
    ack.putObject("agent_id").put("value", agentId);
    ack.putObject("task_id").put("value", taskId);
    ack.put("uuid", statusUuid);
    send(call);
  }

  /** Several acknowledgements in one call: Drydock's ACKNOWLEDGE_BATCH (a single one goes as ACKNOWLEDGE). */
  void acknowledge(String frameworkId, List<Acknowledgements.Ack> acks) {
    if (acks.size() == 1) {
      Acknowledgements.Ack a = acks.get(0);
      acknowledge(frameworkId, a.agentId(), a.taskId(), a.uuid());
      return;
    }
    ObjectNode call = call(frameworkId, "ACKNOWLEDGE_BATCH");
    ArrayNode list = call.putObject("acknowledge_batch").putArray("acknowledgements");
    for (Acknowledgements.Ack a : acks) {
      ObjectNode ack = list.addObject();
      ack.putObject("agent_id").put("value", a.agentId());
      ack.putObject("task_id").put("value", a.taskId());
      ack.put("uuid", a.uuid());
    }
    send(call);
  }

  void reconcile(String frameworkId, Collection<TaskSpec.TaskRef> tasks) {
    ObjectNode call = call(frameworkId, "RECONCILE");
    ArrayNode list = call.putObject("reconcile").putArray("tasks");
    for (TaskSpec.TaskRef task : tasks) {
      ObjectNode ref = list.addObject();
      ref.putObject("task_id").put("value", task.taskId());
      if (task.agentId() != null) {
        ref.putObject("agent_id").put("value", task.agentId());
      }
    }
    send(call);
  }

  void teardown(String frameworkId) {
    send(call(frameworkId, "TEARDOWN"));
  }

  private ObjectNode call(String frameworkId, String type) {
    if (frameworkId == null) {
      throw new IllegalStateException("Not subscribed yet");
    }
    ObjectNode call = json.createObjectNode();
    call.putObject("framework_id").put("value", frameworkId);
    call.put("type", type);
    return call;
  }

  private static void ids(ArrayNode array, Collection<String> ids) {
    ids.forEach(id -> array.addObject().put("value", id));
  }

  private HttpResponse<String> send(ObjectNode call) {
    String body = json.writeValueAsString(call);
    Duration backoff = initialBackoff;
    RuntimeException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        String auth = authorization.header();
        if (auth != null) {
          request.header("Authorization", auth);
        }
        if (streamId != null) {
          request.header("Mesos-Stream-Id", streamId);
        }
        HttpResponse<String> response = sendFollowingLeader(request.build());
        int status = response.statusCode();
        if (status < 300) {
          return response;
        }
        if (status == 401) {
          authorization.invalidate();
        }
        if (status >= 400 && status < 500 && status != 401 && status != 429) {
          throw new MasterCallException(status, response.body());
        }
        last = new MasterCallException(status, response.body());
      } catch (IOException e) {
        last = new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while calling the master", e);
      }
      if (attempt < maxAttempts) {
        pause(backoff);
        backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
            : backoff.multipliedBy(2);
      }
    }
    throw last;
  }

  /**
   * Sends, following the {@code 307}/{@code 308} a master that does not lead answers (to the leader, with
   * the same method, body and headers; the {@code Location} may be protocol-relative), up to 3 hops.
   */
  private HttpResponse<String> sendFollowingLeader(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    for (int hop = 0; hop < 3 && (response.statusCode() == 307 || response.statusCode() == 308); hop++) {
      java.util.Optional<String> location = response.headers().firstValue("Location");
      if (location.isEmpty()) {
        break;
      }
      request = HttpRequest.newBuilder(request, (name, value) -> true)
          .uri(request.uri().resolve(location.get())).build();
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    return response;
  }

  private static void pause(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while backing off", e);
    }
  }
}
