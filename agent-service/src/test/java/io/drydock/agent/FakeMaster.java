package io.drydock.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.drydock.agentprotocol.Acknowledged;
import io.drydock.agentprotocol.Heartbeat;
import io.drydock.agentprotocol.Heartbeats;
import io.drydock.agentprotocol.Paths;
import io.drydock.agentprotocol.RegisterAgent;
import io.drydock.agentprotocol.Refused;
import io.drydock.agentprotocol.Registered;
import io.drydock.agentprotocol.StatusUpdate;
import io.drydock.agentprotocol.StatusUpdates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A master that speaks the agent protocol, for tests: it accepts agents (refusing the next N when told
 * to), answers heartbeats, single or batched (404 / unknown for agents it forgot), acknowledges status updates (failing the next N when
 * told to), and calls agents back as the master would.
 */
public final class FakeMaster implements AutoCloseable {

  public static final String AGENT_AUTH = basic("agent", "agent-secret");
  public static final String MASTER_AUTH = basic("master", "master-secret");

  public final JsonMapper json = JsonMapper.builder().build();
  public final List<RegisterAgent> registrations = new CopyOnWriteArrayList<>();
  public final List<StatusUpdate> acknowledged = new CopyOnWriteArrayList<>();
  public final AtomicInteger refuseNext = new AtomicInteger();
  public volatile boolean refuseWithShutdown;
  public volatile double heartbeatIntervalSeconds = 0.2;
  public final AtomicInteger failNextStatusUpdates = new AtomicInteger();
  public final AtomicInteger statusUpdateAttempts = new AtomicInteger();
  public final AtomicInteger heartbeats = new AtomicInteger();
  /** The agent ids of each batched heartbeat call, in order. */
  public final List<List<String>> heartbeatBatches = new CopyOnWriteArrayList<>();
  /** False: answer batched heartbeats 404, as a master without them would. */
  public volatile boolean servesBatchedHeartbeats = true;
  public final Map<String, RegisterAgent> agents = new ConcurrentHashMap<>();
  public final Set<String> unauthenticated = ConcurrentHashMap.newKeySet();
  private final AtomicInteger ids = new AtomicInteger();
  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public FakeMaster() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(Paths.REGISTER, exchange -> handle(exchange, () -> register(exchange)));
    server.createContext(Paths.HEARTBEAT, exchange -> handle(exchange, () -> heartbeat(exchange)));
    server.createContext(Paths.HEARTBEATS, exchange -> handle(exchange, () -> heartbeats(exchange)));
    server.createContext(Paths.STATUS_UPDATES, exchange -> handle(exchange, () -> statusUpdates(exchange)));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The master forgets the agent: its next heartbeat gets 404. */
  public void forget(String agentId) {
    agents.remove(agentId);
  }

  /** The states the master was told (and acknowledged) for a task, in order. */
  public List<String> states(String taskId) {
    return acknowledged.stream().filter(u -> u.taskId().equals(taskId)).map(StatusUpdate::state).toList();
  }

  public StatusUpdate last(String taskId) {
    List<StatusUpdate> updates = acknowledged.stream().filter(u -> u.taskId().equals(taskId)).toList();
    return updates.isEmpty() ? null : updates.get(updates.size() - 1);
  }

  /** Calls an agent endpoint ({@code /agent/v1/{agentId}/...}) as the master, authenticated. */
  public HttpResponse<String> call(String endpoint, String template, String agentId, Object body) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(endpoint + Paths.forAgent(template, agentId)))
          .header("Content-Type", "application/json")
          .header("Authorization", MASTER_AUTH)
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private interface Handler {
    Object handle() throws IOException;
  }

  private void handle(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange) {
      if (!AGENT_AUTH.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        unauthenticated.add(exchange.getRequestURI().getPath());
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      Object result = handler.handle();
      int status = result instanceof Integer code ? code : result instanceof Refused ? 409 : 200;
      byte[] body = result instanceof Integer ? new byte[0] : json.writeValueAsBytes(result);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  private Object register(HttpExchange exchange) throws IOException {
    RegisterAgent request = json.readValue(exchange.getRequestBody(), RegisterAgent.class);
    registrations.add(request);
    if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return new Refused("Machine is `DOWN`", refuseWithShutdown);
    }
    String id = request.agentId() != null ? request.agentId() : "agent-" + ids.incrementAndGet() + "-S0";
    agents.put(id, request);
    return new Registered(id, heartbeatIntervalSeconds);
  }

  private Object heartbeat(HttpExchange exchange) throws IOException {
    Heartbeat heartbeat = json.readValue(exchange.getRequestBody(), Heartbeat.class);
    heartbeats.incrementAndGet();
    return agents.containsKey(heartbeat.agentId()) ? Map.of() : 404;
  }

  private Object heartbeats(HttpExchange exchange) throws IOException {
    if (!servesBatchedHeartbeats) {
      return 404;
    }
    Heartbeats batch = json.readValue(exchange.getRequestBody(), Heartbeats.class);
    heartbeatBatches.add(batch.agentIds());
    return new Heartbeats.Answer(batch.agentIds().stream().filter(id -> !agents.containsKey(id)).toList());
  }

  private Object statusUpdates(HttpExchange exchange) throws IOException {
    StatusUpdates updates = json.readValue(exchange.getRequestBody(), StatusUpdates.class);
    statusUpdateAttempts.incrementAndGet();
    if (failNextStatusUpdates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return 503;
    }
    acknowledged.addAll(updates.updates());
    return new Acknowledged(updates.updates().stream().map(StatusUpdate::statusUuid).toList());
  }

  private static String basic(String principal, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((principal + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
