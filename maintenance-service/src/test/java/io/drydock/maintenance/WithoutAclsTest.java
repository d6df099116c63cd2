package io.drydock.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.testsupport.DrydockIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Until the service has received the ACLs it cannot decide: protected calls answer 503, after validation. */
@DrydockIntegrationTest(properties = {
    "drydock.security.credentials=classpath:credentials.json",
    "drydock.security.acls-topic=drydock.acls.never-published"})
class WithoutAclsTest {

  @LocalServerPort int port;

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("test-principal:test-secret".getBytes()))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void protectedCallsAnswerServiceUnavailable() throws Exception {
    HttpResponse<String> schedule = send("GET", "/maintenance/schedule", null);
    assertThat(schedule.statusCode()).isEqualTo(503);
    assertThat(schedule.body()).isNotBlank();
    assertThat(send("GET", "/maintenance/status", null).statusCode()).isEqualTo(503);
    assertThat(send("POST", "/maintenance/schedule", "{}").statusCode()).isEqualTo(503);
    assertThat(send("POST", "/machine/down", "[]").statusCode()).isEqualTo(400);
  }
}
