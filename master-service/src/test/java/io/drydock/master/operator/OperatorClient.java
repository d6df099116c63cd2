package io.drydock.master.operator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Operator HTTP calls to the master under test, as a principal of the test credentials. */
final class OperatorClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;
  private final String principal;
  private final String secret;

  OperatorClient(int port, String principal, String secret) {
    this.port = port;
    this.principal = principal;
    this.secret = secret;
  }

  static OperatorClient operator(int port) {
    return new OperatorClient(port, "test-principal", "test-secret");
  }

  static OperatorClient other(int port) {
    return new OperatorClient(port, "test-principal-2", "test-secret-2");
  }

  HttpResponse<String> send(String method, String path, String body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
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

  HttpResponse<String> get(String path) {
    return send("GET", path, null, null);
  }

  HttpResponse<String> put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  HttpResponse<String> post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  HttpResponse<String> delete(String path) {
    return send("DELETE", path, null, null);
  }

  HttpResponse<String> v1(String json) {
    return send("POST", "/api/v1", json, "application/json");
  }

  /** A form POST as Mesos's {@code /reserve} family takes it. */
  HttpResponse<String> form(String path, String agentId, String field, String json) {
    String body = "slaveId=" + URLEncoder.encode(agentId, StandardCharsets.UTF_8) + "&" + field + "="
        + URLEncoder.encode(json, StandardCharsets.UTF_8);
    return send("POST", path, body, "application/x-www-form-urlencoded");
  }

  static JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  /** The {@code /roles} entry of a role, or null. */
  JsonNode role(String name) {
    for (JsonNode r : json(get("/roles")).get("roles")) {
      if (r.get("name").asString().equals(name)) {
        return r;
      }
    }
    return null;
  }
}
