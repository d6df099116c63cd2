package io.drydock.master.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.drydock.master.operator.OperatorProperties;
import io.drydock.support.security.DrydockSecurityProperties;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The audit relay asks maintenance-service and auth-service with the caller's credentials and relays as is. */
class AuditRelayTest {

  @Test
  void relaysBothAuditTrailsWithTheCallersAuthorizationAndQuery() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/", exchange -> {
      seen.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body = "{\"entries\":[]}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      URI base = URI.create("http://localhost:" + server.getAddress().getPort());
      AuditRelay relay = relay(base, base);
      Map<String, String> query = new LinkedHashMap<>();
      query.put("limit", "5");
      query.put("before", null);
      AuditRelay.Answer maintenance = relay.maintenance(query, "Basic abc");
      assertThat(maintenance.status()).isEqualTo(200);
      assertThat(maintenance.body()).isEqualTo("{\"entries\":[]}");
      assertThat(relay.auth(Map.of("principal", "ops x"), "Basic def").status()).isEqualTo(200);
      assertThat(seen).containsExactly("/maintenance/audit?limit=5 Basic abc", "/audit?principal=ops+x Basic def");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void unreachableOrUnconfiguredServicesAre503() {
    AuditRelay relay = relay(URI.create("http://localhost:9"), null);
    assertThat(relay.maintenance(Map.of(), null).status()).isEqualTo(503);
    AuditRelay.Answer auth = relay.auth(Map.of(), null);
    assertThat(auth.status()).isEqualTo(503);
    assertThat(auth.body()).contains("drydock.security.auth-service-url");
  }

  private static AuditRelay relay(URI maintenance, URI auth) {
    return new AuditRelay(null, new OperatorProperties(maintenance, Duration.ofSeconds(2)),
        new DrydockSecurityProperties(true, true, true, true, true, null, null, auth, Duration.ofSeconds(30),
            Set.of(), "drydock.acls", "drydock.audit"));
  }
}
