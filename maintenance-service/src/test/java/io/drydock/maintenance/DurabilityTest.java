package io.drydock.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.Envelope;
import io.drydock.events.InverseOfferResponded;
import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.Topics;
import io.drydock.support.kafka.EventCodec;
import io.drydock.support.outbox.OutboxRelay;
import io.drydock.testsupport.Infrastructure;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * maintenance-service as a process would live it: contexts started and stopped by the test against the
 * shared PostgreSQL and Kafka. State and statuses survive a restart; events committed but not yet
 * published when the service died are published by the next instance; replicas serialize concurrent
 * schedule POSTs so the last committed schedule wins whole.
 */
class DurabilityTest {

  static final String M1 = "{\"hostname\":\"Machine1\",\"ip\":\"0.0.0.1\"}";
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  @BeforeEach
  void resetState() throws Exception {
    Infrastructure infrastructure = Infrastructure.get();
    try (Connection connection = DriverManager.getConnection(
        infrastructure.jdbcUrl(), infrastructure.username(), infrastructure.password());
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM maintenance.inverse_offer_response");
      statement.execute("DELETE FROM maintenance.machine");
      statement.execute("DELETE FROM maintenance.known_machine");
      statement.execute("DELETE FROM maintenance.audit_entry");
      statement.execute("DELETE FROM maintenance.outbox");
      statement.execute("UPDATE maintenance.schedule_state SET revision = 0");
    } catch (SQLException e) {
      // No maintenance schema yet: the first context of this JVM creates it.
    }
  }

  @AfterEach
  void stopAll() {
    contexts.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void scheduleModesAndInverseOfferStatusesSurviveARestart() throws Exception {
    ConfigurableApplicationContext first = start();
    assertThat(post(first, "/maintenance/schedule", "{\"windows\":[{\"machine_ids\":[" + M1
        + ",{\"hostname\":\"Machine2\"}],\"unavailability\":{\"start\":{\"nanoseconds\":5}}}]}").statusCode()).isEqualTo(200);
    assertThat(post(first, "/machine/down", "[{\"hostname\":\"Machine2\"}]").statusCode()).isEqualTo(200);
    Instant answered = Instant.now().plusSeconds(1);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        Infrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
      MachineId m1 = new MachineId("Machine1", "0.0.0.1");
      producer.send(new ProducerRecord<>(Topics.INVERSE_OFFER_RESPONSES, m1.key(), new EventCodec().write(Envelope.of(
          new InverseOfferResponded("fw-restart", "agent-1", m1, InverseOfferResponded.Response.DECLINE, answered),
          answered)))).get();
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> get(first, "/maintenance/status").body().contains("fw-restart"));
    String status = get(first, "/maintenance/status").body();
    String schedule = get(first, "/maintenance/schedule").body();
    stop(first);

    ConfigurableApplicationContext second = start();
    assertThat(get(second, "/maintenance/status").body()).isEqualTo(status)
        .contains("\"down_machines\":[{\"hostname\":\"Machine2\"}]");
    assertThat(get(second, "/maintenance/schedule").body()).isEqualTo(schedule);
  }

  @Test
  void eventsCommittedBeforeACrashArePublishedAfterRestart() throws Exception {
    ConfigurableApplicationContext doomed = start();
    Infrastructure infrastructure = Infrastructure.get();
    try (MachineStateProbe probe = new MachineStateProbe();
        Connection blocker = DriverManager.getConnection(
            infrastructure.jdbcUrl(), infrastructure.username(), infrastructure.password());
        Statement lock = blocker.createStatement()) {
      // Every relay of every running instance (cached test contexts included) is held off by its
      // advisory lock, and the dying instance's own relay is stopped: the process dies right after the
      // commit, before anything is relayed.
      lock.execute("SELECT pg_advisory_lock(hashtext('maintenance.outbox'))");
      doomed.getBean(OutboxRelay.class).stop();
      assertThat(post(doomed, "/maintenance/schedule", "{\"windows\":[{\"machine_ids\":[" + M1
          + "],\"unavailability\":{\"start\":{\"nanoseconds\":7}}}]}").statusCode()).isEqualTo(200);
      JdbcTemplate jdbc = doomed.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM maintenance.outbox WHERE topic = 'drydock.machine-state'",
          Integer.class)).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM maintenance.outbox WHERE event_type = 'AuditRecord'",
          Integer.class)).as("the POST's audit record waits with its event").isEqualTo(1);
      stop(doomed);
      assertThat(probe.records()).isEmpty();

      lock.execute("SELECT pg_advisory_unlock(hashtext('maintenance.outbox'))");
      start();
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(probe.envelopes())
          .singleElement().satisfies(e -> assertThat(e.payload()).isEqualTo(new MachineStateChanged(
              new MachineId("Machine1", "0.0.0.1"), MachineMode.UP, MachineMode.DRAINING,
              new io.drydock.events.Unavailability(7, null), 1, "test-principal", null, 1))));
    }
  }

  @Test
  void concurrentPostsOnTwoReplicasSerializeAndTheLastCommittedScheduleWinsWhole() throws Exception {
    ConfigurableApplicationContext a = start();
    ConfigurableApplicationContext b = start();
    int posts = 24;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<HttpResponse<String>>> results = new ArrayList<>();
    for (int i = 0; i < posts; i++) {
      int n = i;
      StringBuilder machines = new StringBuilder();
      for (int m = 0; m < 10; m++) {
        machines.append(m == 0 ? "" : ",").append("{\"hostname\":\"host-").append(n).append('-').append(m).append("\"}");
      }
      String body = "{\"windows\":[{\"machine_ids\":[" + machines + "],\"unavailability\":{\"start\":{\"nanoseconds\":"
          + n + "}}}]}";
      results.add(pool.submit(() -> post(n % 2 == 0 ? a : b, "/maintenance/schedule?reason=post-" + n, body)));
    }
    for (Future<HttpResponse<String>> result : results) {
      assertThat(result.get().statusCode()).isEqualTo(200);
    }
    pool.shutdown();

    JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
    // Revisions are consecutive: every POST committed alone.
    assertThat(jdbc.queryForList("SELECT schedule_revision FROM maintenance.audit_entry ORDER BY id", Long.class))
        .hasSize(posts).doesNotHaveDuplicates();
    // The stored schedule is exactly the one of the last committed POST.
    String lastReason = jdbc.queryForObject(
        "SELECT reason FROM maintenance.audit_entry ORDER BY schedule_revision DESC LIMIT 1", String.class);
    int winner = Integer.parseInt(lastReason.substring("post-".length()));
    String schedule = get(b, "/maintenance/schedule").body();
    assertThat(schedule).contains("\"nanoseconds\":" + winner + "}");
    for (int m = 0; m < 10; m++) {
      assertThat(schedule).contains("\"host-" + winner + "-" + m + "\"");
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM maintenance.machine", Integer.class)).isEqualTo(10);
  }

  private ConfigurableApplicationContext start() {
    Infrastructure infrastructure = Infrastructure.get();
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", 0);
    properties.put("spring.datasource.url", infrastructure.jdbcUrl());
    properties.put("spring.datasource.username", infrastructure.username());
    properties.put("spring.datasource.password", infrastructure.password());
    properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
    properties.put("drydock.security.credentials", "classpath:credentials.json");
    properties.put("drydock.security.acls", "classpath:acls.json");
    properties.put("spring.main.banner-mode", "off");
    properties.put("spring.profiles.active", "plain-logs");
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    ConfigurableApplicationContext context = MaintenanceApplication.start(Map.of(), args);
    contexts.add(context);
    return context;
  }

  private void stop(ConfigurableApplicationContext context) {
    contexts.remove(context);
    context.close();
  }

  private static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
    return send(context, HttpRequest.newBuilder(uri(context, path)).GET());
  }

  private static HttpResponse<String> post(ConfigurableApplicationContext context, String path, String body)
      throws Exception {
    return send(context, HttpRequest.newBuilder(uri(context, path)).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> send(ConfigurableApplicationContext context, HttpRequest.Builder request)
      throws Exception {
    request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString("test-principal:test-secret".getBytes(StandardCharsets.UTF_8)));
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(ConfigurableApplicationContext context, String path) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://localhost:" + port + path);
  }
}
