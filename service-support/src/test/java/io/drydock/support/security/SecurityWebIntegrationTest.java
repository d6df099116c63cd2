package io.drydock.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.AclsChanged;
import io.drydock.events.Envelope;
import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.AclSnapshot;
import io.drydock.support.acl.Authorizer;
import io.drydock.support.acl.LocalAuthorizer;
import io.drydock.support.kafka.EventCodec;
import io.drydock.testsupport.DrydockIntegrationTest;
import io.drydock.support.outbox.OutboxRelay;
import io.drydock.testsupport.Infrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shared filter chain with local credentials and file ACLs, and the ACL snapshot consumer, against
 * real Kafka: realms and 401 challenges, 403 from the Authorizer.
 */
@DrydockIntegrationTest(properties = {
    "drydock.security.credentials=classpath:credentials.json",
    "drydock.security.acls=classpath:acls.json",
    "drydock.security.acls-topic=drydock.acls.support-test",
    "drydock.security.audit-topic=" + SecurityWebIntegrationTest.AUDIT_TOPIC,
    "drydock.http.max-request-body=2KB",
    "spring.application.name=support-test"})
class SecurityWebIntegrationTest {

  static final String AUDIT_TOPIC = "drydock.audit.support-test";

  /** No component scan: this package holds the auto-configuration itself. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class TestApp {
    @Bean
    HttpRealms httpRealms() {
      return HttpRealms.builder().readOnly("/things/status").open("/public").build();
    }

    @Bean
    ThingController thingController(Authorizer authorizer) {
      return new ThingController(authorizer);
    }
  }

  @RestController
  static class ThingController {
    private final Authorizer authorizer;

    ThingController(Authorizer authorizer) {
      this.authorizer = authorizer;
    }

    @GetMapping("/things/status")
    String status(Principal principal) {
      return principal == null ? "anonymous" : principal.getName();
    }

    @GetMapping("/public")
    String open() {
      return "open";
    }

    @PostMapping("/things")
    ResponseEntity<String> update(Principal principal, @RequestBody(required = false) String body) {
      String name = principal == null ? null : principal.getName();
      if (!authorizer.isAllowed(name, AclAction.UPDATE_MAINTENANCE_SCHEDULES, null)) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
      }
      return ResponseEntity.ok(name);
    }
  }

  @LocalServerPort int port;
  @Autowired LocalAuthorizer authorizer;
  @Autowired AuditSink auditSink;
  @Autowired OutboxRelay relay;
  @Autowired JdbcTemplate jdbc;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventCodec codec;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void missingCredentialsGet401WithTheRealmOfThePath() throws Exception {
    HttpResponse<String> write = send("POST", "/things", null, "{}");
    assertThat(write.statusCode()).isEqualTo(401);
    assertThat(write.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"mesos-master-readwrite\"");
    HttpResponse<String> read = send("GET", "/things/status", null, null);
    assertThat(read.statusCode()).isEqualTo(401);
    assertThat(read.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"mesos-master-readonly\"");
    assertThat(send("GET", "/public", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void badCredentialsGet401() throws Exception {
    assertThat(send("GET", "/things/status", basic("alice", "wrong"), null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/things/status", basic("mallory", "x"), null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/things/status", "Basic !!notbase64", null).statusCode()).isEqualTo(401);
    String threeParts = "Basic " + Base64.getEncoder().encodeToString("alice:alice-secret:x".getBytes());
    assertThat(send("GET", "/things/status", threeParts, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/things/status", "Bearer not-a-jwt", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theAuthenticatedPrincipalReachesTheController() throws Exception {
    HttpResponse<String> response = send("GET", "/things/status", basic("bob", "bob-secret"), null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("bob");
  }

  @Test
  void aclsDecideAuthenticatedWrites() throws Exception {
    assertThat(send("POST", "/things", basic("alice", "alice-secret"), "{}").statusCode()).isEqualTo(200);
    assertThat(send("POST", "/things", basic("bob", "bob-secret"), "{}").statusCode()).isEqualTo(403);
  }

  /**
   * The audit record of a write is committed in the outbox before the request's thread is done (the relay is
   * stopped, so nothing but the outbox holds it: the request did not wait for Kafka) and reaches the audit
   * topic once the relay runs, as plain AuditRecord JSON with the record id as event id.
   */
  @Test
  void anAuditedWriteIsInTheOutboxWhenAnsweredAndReachesTheAuditTopic() throws Exception {
    assertThat(auditSink).isInstanceOf(OutboxAuditSink.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> pendingAudit().isEmpty());
    relay.stop();
    Map<String, Object> row;
    try {
      assertThat(send("POST", "/things", basic("bob", "bob-secret"), "{}").statusCode()).isEqualTo(403);
      List<Map<String, Object>> pending = pendingAudit();
      assertThat(pending).hasSize(1);
      row = pending.get(0);
      assertThat(row).containsEntry("record_key", "bob").containsEntry("event_type", "AuditRecord");
      assertThat(row.get("payload").toString()).contains("\"path\":\"/things\"").contains("\"decision\":\"DENIED\"");
    } finally {
      relay.start();
    }
    String eventId = row.get("event_id").toString();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "audit-test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(AUDIT_TOPIC));
      List<ConsumerRecord<String, String>> mine = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          Header header = r.headers().lastHeader("eventId");
          if (header != null && eventId.equals(new String(header.value(), StandardCharsets.UTF_8))) {
            mine.add(r);
          }
        });
        return !mine.isEmpty();
      });
      AuditRecord published = JsonMapper.builder().build().readValue(mine.get(0).value(), AuditRecord.class);
      assertThat(published.id()).hasToString(eventId);
      assertThat(published.principal()).isEqualTo("bob");
      assertThat(published.service()).isEqualTo("support-test");
      assertThat(published.status()).isEqualTo(403);
    }
    assertThat(pendingAudit()).isEmpty();
  }

  private List<Map<String, Object>> pendingAudit() {
    return jdbc.queryForList("SELECT event_id, record_key, event_type, payload FROM outbox WHERE topic = ?",
        AUDIT_TOPIC);
  }

  @Test
  void oversizedBodiesAreRefusedBeforeAuthentication() throws Exception {
    HttpResponse<String> response = send("POST", "/things", null, "x".repeat(4096));
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void aNewerSnapshotFromKafkaReplacesTheFileAcls() {
    long revision = authorizer.snapshot().map(AclSnapshot::revision).orElse(0L) + 1;
    String acls = "{\"permissive\": true, \"view_roles\": [{\"principals\": {\"values\": [\"bob\"]}, "
        + "\"roles\": {\"type\": \"NONE\"}}], \"update_maintenance_schedules\": [{\"principals\": "
        + "{\"values\": [\"bob\"]}, \"machines\": {\"type\": \"NONE\"}}]}";
    kafka.send("drydock.acls.support-test", AclsChanged.KEY,
        codec.write(Envelope.of(new AclsChanged(revision, acls), Instant.now())));
    await().atMost(Duration.ofSeconds(30)).until(() -> authorizer.snapshot().orElseThrow().revision() >= revision);
    assertThat(authorizer.isAllowed("bob", AclAction.VIEW_ROLES, "r")).isFalse();
    assertThat(authorizer.isAllowed("alice", AclAction.VIEW_ROLES, "r")).isTrue();
  }

  private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String principal, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((principal + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
