package io.drydock.master.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.drydock.agentprotocol.KillTask;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls to agents are blocking sends on a bounded pool: never more in flight than configured. */
class AgentClientTest {

  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final CountDownLatch release = new CountDownLatch(1);
  HttpServer server;
  AgentClient client;
  AgentInfo agent;

  @BeforeEach
  void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      exchange.sendResponseHeaders(exchange.getRequestURI().getPath().contains("refuse") ? 409 : 202, -1);
      exchange.close();
    });
    server.start();
    client = new AgentClient(new AgentProperties(Duration.ofSeconds(5), 5, Duration.ofSeconds(5), 2, null, null));
    agent = agent("a1");
  }

  AgentInfo agent(String id) {
    return new AgentInfo(id, "host", "10.0.0.1", "http://127.0.0.1:" + server.getAddress().getPort(), "cpus:1",
        Map.of(), Instant.EPOCH);
  }

  @AfterEach
  void tearDown() {
    client.destroy();
    server.stop(0);
  }

  @Test
  void atMostMaxConcurrentRequestsAreInFlightAndTheOthersWait() {
    List<CompletableFuture<Void>> calls = IntStream.range(0, 6)
        .mapToObj(i -> client.kill(agent, new KillTask("fw", "t" + i, null))).toList();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.get() == 2);
    assertThat(calls).noneMatch(CompletableFuture::isDone);
    release.countDown();
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(maxInFlight.get()).isEqualTo(2);
  }

  @Test
  void aRefusalCompletesExceptionally() {
    release.countDown();
    assertThatThrownBy(() -> client.kill(agent("refuse"), new KillTask("fw", "t", null)).join())
        .hasMessageContaining("Agent refuse answered 409");
  }
}
