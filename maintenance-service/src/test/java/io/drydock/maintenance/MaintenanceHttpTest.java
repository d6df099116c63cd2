package io.drydock.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.testsupport.DrydockIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the HTTP-level tests: one maintenance-service context on the shared PostgreSQL and Kafka, with
 * Mesos's test credentials and an ACL document that denies every maintenance action to
 * {@code test-principal-2} (and allows the rest: permissive). Tables are reset before each test.
 */
@DrydockIntegrationTest(properties = {
    "drydock.security.credentials=classpath:credentials.json",
    "drydock.security.acls=classpath:acls.json",
    "drydock.outbox.poll-interval=100ms"})
abstract class MaintenanceHttpTest {

  static final String PRINCIPAL = "test-principal";
  static final String SECRET = "test-secret";
  static final String DENIED_PRINCIPAL = "test-principal-2";
  static final String DENIED_SECRET = "test-secret-2";

  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void resetMaintenanceState() {
    jdbc.update("DELETE FROM maintenance.inverse_offer_response");
    jdbc.update("DELETE FROM maintenance.machine");
    jdbc.update("DELETE FROM maintenance.known_machine");
    jdbc.update("DELETE FROM maintenance.audit_entry");
    jdbc.update("UPDATE maintenance.schedule_state SET revision = 0");
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null, PRINCIPAL, SECRET, null);
  }

  HttpResponse<String> post(String path, String body) {
    return send("POST", path, body, PRINCIPAL, SECRET, null);
  }

  HttpResponse<String> send(String method, String path, String body, String principal, String secret,
      String contentType, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (principal != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((principal + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Asserts a 200 with an empty body, as Mesos answers successful mutations. */
  static void assertOk(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  /** Asserts a 400 with exactly this plain-text reason. */
  static void assertBadRequest(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(message);
  }

  /** A window JSON with the given machines (JSON objects) and a one-hour unavailability from start. */
  static String window(long startNanos, String... machines) {
    return "{\"machine_ids\":[" + String.join(",", machines) + "],\"unavailability\":{\"start\":{\"nanoseconds\":"
        + startNanos + "},\"duration\":{\"nanoseconds\":3600000000000}}}";
  }

  static String schedule(String... windows) {
    return "{\"windows\":[" + String.join(",", windows) + "]}";
  }

  static String machine(String hostname, String ip) {
    return ip == null ? "{\"hostname\":\"" + hostname + "\"}"
        : hostname == null ? "{\"ip\":\"" + ip + "\"}"
        : "{\"hostname\":\"" + hostname + "\",\"ip\":\"" + ip + "\"}";
  }
}
