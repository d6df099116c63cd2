package io.drydock.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Spec §1.10 against the real authorizer and ACLs: {@code test-principal-2} is denied every maintenance
 * action. GETs filter to {@code {}} with 200, mutations answer 403 with an empty body, and validation
 * comes before authorization.
 */
class AuthorizationTest extends MaintenanceHttpTest {

  static final String M1 = machine("Machine1", "0.0.0.1");

  HttpResponse<String> asDenied(String method, String path, String body) {
    return send(method, path, body, DENIED_PRINCIPAL, DENIED_SECRET, null);
  }

  @Test
  void deniedGetsSeeEmptyObjects() {
    assertOk(post("/maintenance/schedule", schedule(window(0, M1))));
    assertThat(get("/maintenance/schedule").body()).isNotEqualTo("{}");
    HttpResponse<String> schedule = asDenied("GET", "/maintenance/schedule", null);
    assertThat(schedule.statusCode()).isEqualTo(200);
    assertThat(schedule.body()).isEqualTo("{}");
    HttpResponse<String> status = asDenied("GET", "/maintenance/status", null);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).isEqualTo("{}");
  }

  @Test
  void deniedMutationsAreForbiddenAndChangeNothing() {
    HttpResponse<String> post = asDenied("POST", "/maintenance/schedule", schedule(window(0, M1)));
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(post.body()).isEmpty();
    assertThat(get("/maintenance/schedule").body()).isEqualTo("{}");

    assertOk(post("/maintenance/schedule", schedule(window(0, M1))));
    assertThat(asDenied("POST", "/machine/down", "[" + M1 + "]").statusCode()).isEqualTo(403);
    assertOk(post("/machine/down", "[" + M1 + "]"));
    assertThat(asDenied("POST", "/machine/up", "[" + M1 + "]").statusCode()).isEqualTo(403);
    assertThat(get("/maintenance/status").body()).contains("down_machines");
  }

  @Test
  void validationComesBeforeAuthorization() {
    assertThat(asDenied("POST", "/maintenance/schedule", schedule(window(0))).body())
        .isEqualTo("List of machines in the maintenance window is empty");
    assertThat(asDenied("POST", "/machine/down", "[]").statusCode()).isEqualTo(400);
    assertThat(asDenied("POST", "/machine/down", "[" + M1 + "]").body())
        .isEqualTo("Machine '{\"hostname\":\"Machine1\",\"ip\":\"0.0.0.1\"}' is not part of a maintenance schedule");
    assertThat(asDenied("POST", "/machine/up", "[" + M1 + "]").statusCode()).isEqualTo(400);
  }

  @Test
  void requestsWithoutValidCredentialsAreUnauthorized() {
    for (String path : new String[] {"/maintenance/schedule", "/maintenance/status", "/api/v1"}) {
      HttpResponse<String> anonymous = send("GET", path, null, null, null, null);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path)
          .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
    }
    assertThat(send("POST", "/machine/down", "[]", PRINCIPAL, "wrong", null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/machine/up", "[]", null, null, null).statusCode()).isEqualTo(401);
  }
}
