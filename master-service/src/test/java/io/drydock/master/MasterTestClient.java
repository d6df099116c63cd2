package io.drydock.master;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP calls to the master under test, as test-principal. */
public final class MasterTestClient {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  public MasterTestClient(int port) {
    this.port = port;
  }

  public HttpResponse<String> post(String path, String json) {
    return post(path, json, "test-principal", "test-secret", "application/json");
  }

  public HttpResponse<String> post(String path, String body, String principal, String secret, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (principal != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((principal + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> scheduler(String json) {
    return post("/api/v1/scheduler", json);
  }

  public HttpResponse<String> get(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("test-principal:test-secret".getBytes(StandardCharsets.UTF_8))).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the master sees the framework connected (its consumer group has a live member), so offers
   * made from then on can go to it.
   */
  public void awaitConnected(String frameworkId) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
      for (JsonNode f : JSON.readTree(get("/master/frameworks").body()).path("frameworks")) {
        if (f.path("id").asString().equals(frameworkId)) {
          return f.path("connected").asBoolean();
        }
      }
      return false;
    });
  }

  /** A machine nobody else uses: a unique hostname and IP. */
  public static String[] uniqueMachine() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new String[] {"Host-" + UUID.randomUUID().toString().substring(0, 8),
        "10." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(1, 255)};
  }

  public HttpResponse<String> register(String agentId, String hostname, String ip, String endpoint,
      String resources) {
    String id = agentId == null ? "" : "\"agentId\":\"" + agentId + "\",";
    return post("/agent/v1/register", "{" + id + "\"hostname\":\"" + hostname + "\",\"ip\":\"" + ip
        + "\",\"endpoint\":\"" + endpoint + "\",\"resources\":\"" + resources + "\"}");
  }

  /** Registers an agent and returns its id. */
  public String registerAgent(String hostname, String ip, String endpoint, String resources) {
    HttpResponse<String> r = register(null, hostname, ip, endpoint, resources);
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get("agentId").asString();
  }

  /** Subscribes a MULTI_ROLE framework and returns its id. */
  public String subscribe(String name, String rolesJson, String extraCapabilities) {
    HttpResponse<String> r = scheduler("""
        {"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"test","name":"%s","principal":"test-principal",
         "roles":%s,"failover_timeout":3600,
         "capabilities":[{"type":"MULTI_ROLE"}%s]}}}""".formatted(name, rolesJson, extraCapabilities));
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
    JsonNode body = JSON.readTree(r.body());
    return body.get("subscribed").get("framework_id").get("value").asString();
  }
}
