package io.drydock.master.agent;

import io.drydock.agentprotocol.KillTask;
import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.agentprotocol.Paths;
import io.drydock.agentprotocol.Shutdown;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The master's calls to agents, at the endpoint each registered with (agent protocol, JSON over HTTP). At
 * most {@link AgentProperties#maxConcurrentRequests()} calls are in flight; the rest queue in order.
 */
@Component
public class AgentClient implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AgentClient.class);

  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();
  private final AgentProperties properties;
  private final ExecutorService requests;

  AgentClient(AgentProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(properties.requestTimeout()).build();
    int threads = properties.maxConcurrentRequests();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("agent-client-"));
    pool.allowCoreThreadTimeOut(true);
    this.requests = pool;
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
    HttpRequest built = request.build();
    // blocking sends on a bounded pool: this bounds the calls in flight, and unlike sendAsync it does not
    // hand every response to the common pool (a new thread per response on machines with two cores)
    return CompletableFuture.runAsync(() -> {
      HttpResponse<String> response;
      try {
        response = http.send(built, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new CompletionException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CompletionException(e);
      }
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("Agent " + agent.id() + " answered " + response.statusCode() + " to "
            + uri.getPath() + ": " + response.body());
      }
    }, requests);
  }

  /** Stops the request threads (calls in flight are abandoned). */
  @Override
  public void destroy() {
    requests.shutdownNow();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
