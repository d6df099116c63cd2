package io.drydock.auth.it;

import static io.drydock.auth.it.Http.basic;
import static io.drydock.auth.it.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.AclsChanged;
import io.drydock.events.Topics;
import io.drydock.support.kafka.EventCodec;
import io.drydock.support.security.AuditRecord;
import io.drydock.testsupport.DrydockIntegrationTest;
import io.drydock.testsupport.Infrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** auth-service's operator APIs and token endpoint over HTTP, on real PostgreSQL and Kafka. */
@DrydockIntegrationTest(properties = {
    "drydock.security.credentials=classpath:credentials.json",
    "drydock.security.acls=classpath:acls.json",
    "drydock.security.operators=ops"})
class AuthApiIntegrationTest {

  static final String OPS = basic("ops", "ops-secret");
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired EventCodec codec;
  @Autowired KafkaTemplate<String, String> kafka;

  // ---- credentials ----

  @Test
  void credentialsApiIsForOperatorsOnly() {
    assertThat(send(port, "GET", "/credentials", null, null).statusCode()).isEqualTo(401);
    assertThat(send(port, "GET", "/credentials", basic("alice", "alice-secret"), null).statusCode()).isEqualTo(403);
    assertThat(send(port, "GET", "/credentials", basic("alice", "wrong"), null).statusCode()).isEqualTo(401);
    HttpResponse<String> list = send(port, "GET", "/credentials", OPS, null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"alice\"").doesNotContain("secret").doesNotContain("bcrypt");
  }

  @Test
  void addRotateAndRemoveACredential() {
    String name = "p-" + UUID.randomUUID();
    assertThat(send(port, "PUT", "/credentials/" + name, OPS, "{\"secret\":\"one\"}").statusCode()).isEqualTo(201);
    assertThat(send(port, "GET", "/credentials", basic(name, "one"), null).statusCode()).isEqualTo(403);
    assertThat(send(port, "PUT", "/credentials/" + name, OPS, "{\"secret\":\"two\"}").statusCode()).isEqualTo(200);
    assertThat(send(port, "GET", "/credentials", basic(name, "one"), null).statusCode()).isEqualTo(401);
    assertThat(send(port, "GET", "/credentials", basic(name, "two"), null).statusCode()).isEqualTo(403);
    assertThat(send(port, "DELETE", "/credentials/" + name, OPS, null).statusCode()).isEqualTo(204);
    assertThat(send(port, "DELETE", "/credentials/" + name, OPS, null).statusCode()).isEqualTo(404);
    assertThat(send(port, "GET", "/credentials", basic(name, "two"), null).statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{}", "{\"secret\": 7}", "{\"secret\": \"\"}", "{\"secret\":\"x\",\"y\":1}",
      "{\"secret\": \"0123456789012345678901234567890123456789012345678901234567890123456789abc\"}"})
  void badCredentialInputGets400AndChangesNothing(String body) {
    String name = "bad-" + UUID.randomUUID();
    HttpResponse<String> response = send(port, "PUT", "/credentials/" + name, OPS, body.isEmpty() ? null : body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("detail");
    assertThat(send(port, "GET", "/credentials", OPS, null).body()).doesNotContain(name);
  }

  @Test
  void aPrincipalWithAColonIsRejected() {
    HttpResponse<String> response = send(port, "PUT", "/credentials/a:b", OPS, "{\"secret\":\"s\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("':'");
  }

  @Test
  void oversizedCredentialBodyGets400() {
    String body = "{\"secret\":\"" + "x".repeat(10_000) + "\"}";
    assertThat(send(port, "PUT", "/credentials/big", OPS, body).statusCode()).isEqualTo(400);
  }

  // ---- ACLs ----

  @Test
  void putThenGetAclsWithARisingRevisionPublishedOnKafka() {
    long before = revision(send(port, "GET", "/acls", OPS, null));
    String acls = "{\"permissive\":false,\"view_roles\":[{\"principals\":{\"values\":[\"alice\"]},"
        + "\"roles\":{\"values\":[\"eng/%\"]}}]}";
    HttpResponse<String> put = send(port, "PUT", "/acls", OPS, acls);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    long after = revision(put);
    assertThat(after).isGreaterThan(before);
    HttpResponse<String> get = send(port, "GET", "/acls", OPS, null);
    assertThat(revision(get)).isEqualTo(after);
    assertThat(Http.json(get).get("view_roles").get(0).get("roles").get("values").get(0).stringValue())
        .isEqualTo("eng/%");
    assertThat(latestPublishedRevision(after)).isEqualTo(after);
  }

  @Test
  void aclsApiIsForOperatorsOnly() {
    assertThat(send(port, "GET", "/acls", null, null).statusCode()).isEqualTo(401);
    assertThat(send(port, "PUT", "/acls", basic("alice", "alice-secret"), "{}").statusCode()).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "[]", "{\"fly_to_moon\": []}",
      "{\"run_tasks\": [{\"principals\": {\"values\": []}, \"users\": {\"type\": \"ANY\"}}]}",
      "{\"get_maintenance_schedules\": [{\"principals\": {\"type\": \"ANY\"}, \"machines\": {\"values\": [\"h\"]}}]}"})
  void badAclsGet400AndChangeNothing(String body) {
    long before = revision(send(port, "GET", "/acls", OPS, null));
    HttpResponse<String> response = send(port, "PUT", "/acls", OPS, body.isEmpty() ? null : body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(Http.json(response).get("detail").stringValue()).isNotBlank();
    assertThat(revision(send(port, "GET", "/acls", OPS, null))).isEqualTo(before);
  }

  @Test
  void someWhereOnlyAnyOrNoneIsAllowedGetsMesossMessage() {
    HttpResponse<String> response = send(port, "PUT", "/acls", OPS,
        "{\"update_maintenance_schedules\": [{\"principals\": {\"type\": \"ANY\"}, \"machines\": {\"values\": [\"h\"]}}]}");
    assertThat(Http.json(response).get("detail").stringValue())
        .isEqualTo("ACL.UpdateMaintenanceSchedule type must be either NONE or ANY");
  }

  @Test
  void oversizedAclsGet400() {
    String body = "{\"permissive\": true, \"pad\": \"" + "x".repeat(600_000) + "\"}";
    assertThat(send(port, "PUT", "/acls", OPS, body).statusCode()).isEqualTo(400);
  }

  @Test
  void aStaleIfMatchGets412() {
    long current = revision(send(port, "GET", "/acls", OPS, null));
    HttpResponse<String> response = send(port, "PUT", "/acls", OPS, "{}", "If-Match", "\"" + (current - 1) + "\"");
    assertThat(response.statusCode()).isEqualTo(412);
  }

  // ---- tokens ----

  @Test
  void clientCredentialsTokenIsAcceptedAsBearer() {
    HttpResponse<String> jwks = send(port, "GET", "/oauth2/jwks", null, null);
    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(Http.json(jwks).get("keys").size()).isEqualTo(1);
    String opsToken = Http.token(port, "ops", "ops-secret");
    assertThat(send(port, "GET", "/credentials", "Bearer " + opsToken, null).statusCode()).isEqualTo(200);
    String aliceToken = Http.token(port, "alice", "alice-secret");
    assertThat(send(port, "GET", "/credentials", "Bearer " + aliceToken, null).statusCode()).isEqualTo(403);
    assertThat(Http.clientCredentials(port, "alice", "wrong").statusCode()).isEqualTo(401);
    assertThat(Http.clientCredentials(port, "nobody", "x").statusCode()).isEqualTo(401);
  }

  // ---- audit ----

  @Test
  void writesAreAuditedAndQueryableByOperators() {
    send(port, "PUT", "/acls", basic("alice", "alice-secret"), "{}");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      HttpResponse<String> audit = send(port, "GET", "/audit?principal=alice&limit=50", OPS, null);
      assertThat(audit.statusCode()).isEqualTo(200);
      assertThat(audit.body()).contains("\"path\":\"/acls\"").contains("\"decision\":\"DENIED\"");
    });
    assertThat(send(port, "GET", "/audit", basic("alice", "alice-secret"), null).statusCode()).isEqualTo(403);
    assertThat(send(port, "GET", "/audit?limit=0", OPS, null).statusCode()).isEqualTo(400);
  }

  /** The outbox relay delivers at least once: a record delivered again (same id) is stored once. */
  @Test
  void aRedeliveredAuditRecordIsStoredOnce() throws Exception {
    String principal = "redelivered-" + UUID.randomUUID();
    Instant at = Instant.parse("2026-11-22T05:00:00Z");
    String record = json.writeValueAsString(
        new AuditRecord(UUID.randomUUID(), at, "master-service", principal, "POST", "/quota", 200, "ALLOWED"));
    String marker = json.writeValueAsString(
        new AuditRecord(UUID.randomUUID(), at.plusSeconds(1), "master-service", principal, "POST", "/weights", 200,
            "ALLOWED"));
    for (String value : List.of(record, record, marker)) {
      kafka.send("drydock.audit", principal, value).get(30, TimeUnit.SECONDS);
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(send(port, "GET", "/audit?principal=" + principal, OPS, null).body()).contains("/weights"));
    String body = send(port, "GET", "/audit?principal=" + principal, OPS, null).body();
    assertThat(body.split("\"/quota\"", -1)).as("the redelivered record once: %s", body).hasSize(2);
  }

  private static long revision(HttpResponse<String> response) {
    return Long.parseLong(response.headers().firstValue("X-Acls-Revision").orElseThrow());
  }

  private long latestPublishedRevision(long atLeast) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    long[] latest = {0};
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.ACLS));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          assertThat(record.key()).isEqualTo(AclsChanged.KEY);
          latest[0] = Math.max(latest[0], ((AclsChanged) codec.read(record.value()).payload()).revision());
        }
        return latest[0] >= atLeast;
      });
    }
    return latest[0];
  }
}
