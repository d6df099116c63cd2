package io.drydock.master.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Maintenance calls go to maintenance-service unchanged, with the caller's credentials, and come back as is. */
class MaintenanceForwarderTest {

  @Test
  void forwardsBodyAndAuthorizationAndRelaysTheAnswer() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/api/v1", exchange -> {
      seen.set(exchange.getRequestHeaders().getFirst("Authorization") + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = "{\"type\":\"GET_MAINTENANCE_STATUS\",\"get_maintenance_status\":{\"status\":{}}}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      MaintenanceForwarder forwarder = new MaintenanceForwarder(new OperatorProperties(
          URI.create("http://localhost:" + server.getAddress().getPort()), Duration.ofSeconds(5)));
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json");
      headers.put("Authorization", "Basic abc");
      headers.put("Accept", null);
      MaintenanceForwarder.Answer answer = forwarder.forward("{\"type\":\"GET_MAINTENANCE_STATUS\"}", headers);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.contentType()).isEqualTo("application/json");
      assertThat(answer.body()).contains("get_maintenance_status");
      assertThat(seen.get()).isEqualTo("Basic abc {\"type\":\"GET_MAINTENANCE_STATUS\"}");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void unreachableMaintenanceServiceIs503() {
    MaintenanceForwarder forwarder = new MaintenanceForwarder(new OperatorProperties(URI.create("http://localhost:9"),
        Duration.ofSeconds(2)));
    assertThat(forwarder.forward("{}", Map.of("Content-Type", "application/json")).status()).isEqualTo(503);
  }
}
