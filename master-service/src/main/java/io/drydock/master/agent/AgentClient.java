package io.drydock.master.agent;

import io.drydock.agentprotocol.KillTask;
import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.agentprotocol.Paths;
import io.drydock.agentprotocol.Shutdown;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The master's calls to agents, at the endpoint each registered with (agent protocol, JSON over HTTP). */
@Component
public class AgentClient {

  private static final Logger log = LoggerFactory.getLogger(AgentClient.class);

  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();
  private final AgentProperties properties;

  AgentClient(AgentProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
  }

  /** Sends tasks to run; completes exceptionally when the agent cannot be reached or refuses. */
  public CompletableFuture<Void> launch(AgentInfo agent, LaunchTasks tasks) {
    return post(agent, Paths.LAUNCH, tasks);
  }

  public CompletableFuture<Void> kill(AgentInfo agent, KillTask kill) {
    return post(agent, Paths.KILL, kill);
  }

  public CompletableFuture<Void> shutdown(AgentInfo agent, Shutdown shutdown) {
    return post(agent, Paths.SHUTDOWN, shutdown).exceptionally(e -> {
      log.info("Agent {} did not take the shutdown ({}): {}", agent.id(), shutdown.message(), e.toString());
      return null;
    });
  }

  private CompletableFuture<Void> post(AgentInfo agent, String template, Object body) {
    URI uri = URI.create(agent.endpoint().replaceAll("/+$", "") + Paths.forAgent(template, agent.id()));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(properties.requestTimeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (properties.principal() != null) {
      String credentials = properties.principal() + ":" + (properties.secret() == null ? "" : properties.secret());
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("Agent " + agent.id() + " answered " + response.statusCode() + " to "
            + uri.getPath() + ": " + response.body());
      }
    });
  }
}
