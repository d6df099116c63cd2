package io.drydock.agent.registration;

import io.drydock.agentprotocol.Acknowledged;
import io.drydock.agentprotocol.Heartbeat;
import io.drydock.agentprotocol.Heartbeats;
import io.drydock.agentprotocol.Paths;
import io.drydock.agentprotocol.RegisterAgent;
import io.drydock.agentprotocol.Refused;
import io.drydock.agentprotocol.Registered;
import io.drydock.agentprotocol.StatusUpdates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent side of the agent protocol: asynchronous JSON calls to the master, authenticated with HTTP
 * Basic when a principal is configured. One client serves a whole fleet and keeps at most
 * {@code maxInFlight} requests open (the rest queue).
 */
public final class MasterClient {

  private final URI masterUrl;
  private final String authorization;
  private final JsonMapper json;
  private final Duration timeout;
  private final HttpClient http;
  private final ExecutorService requests;
  /**
   * Batched heartbeats go on a lane of their own: behind the shared pool's queue they waited for every
   * registration of a starting fleet (10,000 agents: longer than the master's 25 s before it calls an agent
   * unreachable, so it removed hundreds of agents that were alive).
   */
  private final ExecutorService heartbeatLane;

  public MasterClient(URI masterUrl, String principal, String secret, JsonMapper json, Duration timeout,
      int maxInFlight) {
    this.masterUrl = URI.create(masterUrl.toString().replaceAll("/+$", ""));
    this.authorization = principal == null || principal.isBlank() ? null : "Basic " + Base64.getEncoder()
        .encodeToString((principal + ":" + (secret == null ? "" : secret)).getBytes(StandardCharsets.UTF_8));
    this.json = json;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(maxInFlight, maxInFlight, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("agent-http-"));
    pool.allowCoreThreadTimeOut(true);
    this.requests = pool;
    ThreadPoolExecutor lane = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        daemonThreads("agent-heartbeats-"));
    lane.allowCoreThreadTimeOut(true);
    this.heartbeatLane = lane;
  }

  /** What the master answered to a registration. */
  public sealed interface RegistrationResult {
    record Accepted(Registered registered) implements RegistrationResult {}

    record Rejected(Refused refused) implements RegistrationResult {}

    /** Not an answer of the protocol (unreachable master, 401, 5xx ...). */
    record Failed(String reason) implements RegistrationResult {}
  }

  public CompletableFuture<RegistrationResult> register(RegisterAgent request) {
    return post(Paths.REGISTER, request).handle((response, failure) -> {
      if (failure != null) {
        return new RegistrationResult.Failed(describe(failure));
      }
      try {
        return switch (response.statusCode()) {
          case 200 -> new RegistrationResult.Accepted(json.readValue(response.body(), Registered.class));
          case 409 -> new RegistrationResult.Rejected(json.readValue(response.body(), Refused.class));
          default -> new RegistrationResult.Failed("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        };
      } catch (RuntimeException e) {
        return new RegistrationResult.Failed("Unreadable answer: " + e.getMessage());
      }
    });
  }

  /** Sends a heartbeat; completes with the HTTP status (200 alive, 404 unknown agent), or -1 when unreachable. */
  public CompletableFuture<Integer> heartbeat(String agentId) {
    return post(Paths.HEARTBEAT, new Heartbeat(agentId))
        .handle((response, failure) -> failure != null ? -1 : response.statusCode());
  }

  /**
   * The master's answer to a batched heartbeat: {@code status} 200 with the ids it does not know, 404 when
   * the master does not serve batched heartbeats (an older master: send them one by one), any other status
   * or -1 (unreachable) a failure.
   */
  public record HeartbeatsResult(int status, List<String> unknownAgentIds) {}

  /** Sends one batched heartbeat for the given agents (at most {@link Heartbeats#MAX_AGENTS}). */
  public CompletableFuture<HeartbeatsResult> heartbeats(List<String> agentIds) {
    return post(Paths.HEARTBEATS, new Heartbeats(agentIds), heartbeatLane).handle((response, failure) -> {
      if (failure != null) {
        return new HeartbeatsResult(-1, List.of());
      }
      if (response.statusCode() != 200) {
        return new HeartbeatsResult(response.statusCode(), List.of());
      }
      try {
        List<String> unknown = json.readValue(response.body(), Heartbeats.Answer.class).unknownAgentIds();
        return new HeartbeatsResult(200, unknown == null ? List.of() : unknown);
      } catch (RuntimeException e) {
        return new HeartbeatsResult(-1, List.of());
      }
    });
  }

  /** Sends status updates; completes exceptionally unless the master acknowledged (200). */
  public CompletableFuture<Acknowledged> statusUpdates(StatusUpdates updates) {
    return post(Paths.STATUS_UPDATES, updates).thenApply(response -> {
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
      }
      return json.readValue(response.body(), Acknowledged.class);
    });
  }

  private CompletableFuture<HttpResponse<String>> post(String path, Object body) {
    return post(path, body, requests);
  }

  private CompletableFuture<HttpResponse<String>> post(String path, Object body, ExecutorService on) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(masterUrl + path))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpRequest built = request.build();
    // blocking sends on a bounded pool: this bounds the requests in flight, and unlike sendAsync it does not
    // hand every response to the common pool (a new thread per response on machines with two cores)
    return CompletableFuture.supplyAsync(() -> {
      try {
        return sendFollowingLeader(built);
      } catch (IOException e) {
        throw new CompletionException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CompletionException(e);
      }
    }, on);
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

  /** Stops the request threads (requests in flight are abandoned). */
  public void close() {
    requests.shutdownNow();
    heartbeatLane.shutdownNow();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  static String describe(Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
