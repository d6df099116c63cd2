package io.drydock.auth.it;

import static io.drydock.auth.it.Http.basic;
import static io.drydock.auth.it.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.resourcetest.ResourceApp;
import io.drydock.support.acl.AclSnapshot;
import io.drydock.support.acl.LocalAuthorizer;
import io.drydock.testsupport.DrydockIntegrationTest;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another service (a resource server with only service-support's security) against a running
 * auth-service: JWTs and Basic verified through auth-service, ACLs from Kafka; and the same service
 * restarted while auth-service is unreachable.
 */
@DrydockIntegrationTest(properties = {
    "drydock.security.credentials=classpath:credentials.json",
    "drydock.security.operators=ops"})
class ResourceServerIntegrationTest {

  static final String OPS = basic("ops", "ops-secret");
  static final String DENY_BOB = "{\"permissive\": true, \"update_maintenance_schedules\": ["
      + "{\"principals\": {\"values\": [\"bob\"]}, \"machines\": {\"type\": \"NONE\"}}]}";

  @LocalServerPort int authPort;

  @Test
  void acceptsAuthServiceJwtsAndBasicAndEnforcesPublishedAcls() {
    long revision = putAcls(DENY_BOB);
    try (ConfigurableApplicationContext service =
        ResourceApp.start("drydock.security.auth-service-url=http://localhost:" + authPort)) {
      int port = port(service);
      awaitRevision(service, revision);
      String token = Http.token(authPort, "alice", "alice-secret");
      assertThat(send(port, "GET", "/whoami", "Bearer " + token, null).body()).isEqualTo("alice");
      assertThat(send(port, "GET", "/whoami", basic("alice", "alice-secret"), null).body()).isEqualTo("alice");
      assertThat(send(port, "GET", "/whoami", basic("alice", "nope"), null).statusCode()).isEqualTo(401);
      assertThat(send(port, "GET", "/whoami", "Bearer " + token + "x", null).statusCode()).isEqualTo(401);
      HttpResponse<String> none = send(port, "POST", "/maintenance/schedule", null, "{}");
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"mesos-master-readwrite\"");
      assertThat(send(port, "POST", "/maintenance/schedule", "Bearer " + token, "{}").statusCode()).isEqualTo(200);
      assertThat(send(port, "POST", "/maintenance/schedule", basic("bob", "bob-secret"), "{}").statusCode())
          .isEqualTo(403);
      assertThat(send(port, "GET", "/livez", null, null).statusCode()).isNotEqualTo(401);
    }
  }

  @Test
  void aServiceRestartedWhileAuthServiceIsDownEnforcesTheLastAclsFromKafka() throws Exception {
    long revision = putAcls(DENY_BOB);
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    try (ConfigurableApplicationContext service = ResourceApp.start(
        "drydock.security.auth-service-url=http://localhost:" + deadPort,
        "drydock.security.credentials=classpath:credentials.json")) {
      int port = port(service);
      awaitRevision(service, revision);
      assertThat(send(port, "POST", "/maintenance/schedule", basic("alice", "alice-secret"), "{}").statusCode())
          .isEqualTo(200);
      assertThat(send(port, "POST", "/maintenance/schedule", basic("bob", "bob-secret"), "{}").statusCode())
          .isEqualTo(403);
      // what it cannot verify without auth-service is refused, never let through
      String token = Http.token(authPort, "alice", "alice-secret");
      assertThat(send(port, "POST", "/maintenance/schedule", "Bearer " + token, "{}").statusCode()).isEqualTo(503);
    }
  }

  @Test
  void protectedCallsAreRefusedUntilTheServiceHasAcls() {
    try (ConfigurableApplicationContext service = ResourceApp.start(
        "drydock.security.credentials=classpath:credentials.json",
        "drydock.security.acls-topic=drydock.acls.empty-" + System.nanoTime())) {
      HttpResponse<String> response =
          send(port(service), "POST", "/maintenance/schedule", basic("alice", "alice-secret"), "{}");
      assertThat(response.statusCode()).isEqualTo(503);
    }
  }

  private long putAcls(String acls) {
    HttpResponse<String> put = send(authPort, "PUT", "/acls", OPS, acls);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    return Long.parseLong(put.headers().firstValue("X-Acls-Revision").orElseThrow());
  }

  private static void awaitRevision(ConfigurableApplicationContext service, long revision) {
    LocalAuthorizer authorizer = service.getBean(LocalAuthorizer.class);
    await().atMost(Duration.ofSeconds(30)).until(() ->
        authorizer.snapshot().map(AclSnapshot::revision).orElse(0L) >= revision);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
