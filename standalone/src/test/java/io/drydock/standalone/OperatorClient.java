package io.drydock.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the standalone story tests share: the launcher's options on free ports, and an operator's HTTP calls
 * (Basic auth with the suite's operator credential) against its services.
 */
final class OperatorClient {

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final StandaloneOptions options;
  private final String authorization;

  OperatorClient(StandaloneOptions options, BootstrapCredentials operator) {
    this.options = options;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (operator.principal() + ":" + operator.secret()).getBytes(StandardCharsets.UTF_8));
  }

  /** The launcher's options with every port free, {@code agents} simulated agents, and {@code extra} passed through. */
  static StandaloneOptions options(Path dataDir, int agents, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--agents", String.valueOf(agents)));
    args.addAll(List.of(extra));
    for (String name : List.of("--master-port", "--agent-port", "--maintenance-port", "--auth-port",
        "--postgres-port", "--kafka-port")) {
      args.add(name);
      args.add(String.valueOf(freePortPair()));
    }
    return StandaloneOptions.parse(args.toArray(String[]::new));
  }

  /** A free port whose successor is free too (Kafka's controller takes port + 1). */
  static int freePortPair() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port < 65_000) {
          try (ServerSocket next = new ServerSocket(port + 1)) {
            return port;
          } catch (IOException taken) {
            // try another
          }
        }
      }
    }
  }

  HttpResponse<String> post(int port, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET that must answer 200; its body parsed as JSON. */
  JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** The master's {@code /master/slaves} entries. */
  List<JsonNode> agents() throws Exception {
    List<JsonNode> agents = new ArrayList<>();
    get(options.masterPort(), "/master/slaves").path("slaves").forEach(agents::add);
    return agents;
  }

  List<String> agentHostnames() throws Exception {
    return agents().stream().map(agent -> agent.path("hostname").asString()).toList();
  }
}
