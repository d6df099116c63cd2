package io.drydock.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Mesos reads the maintenance POSTs' body as JSON whatever its {@code Content-Type}: {@code curl -d} without
 * {@code -H} labels it {@code application/x-www-form-urlencoded}, and the request hygiene filter must not
 * consume it as form parameters there. Elsewhere form bodies are still checked.
 */
class FormContentTypeTest extends MaintenanceHttpTest {

  static final String FORM = "application/x-www-form-urlencoded";
  static final String M1 = machine("Machine1", "0.0.0.1");

  @Test
  void maintenancePostsWithCurlsFormContentTypeAreParsedAsJson() {
    String schedule = schedule(window(1443830400000000000L, M1));
    assertOk(form("/maintenance/schedule?reason=kernel%20upgrade", schedule));
    assertThat(get("/maintenance/schedule").body()).isEqualTo(schedule);
    assertOk(form("/master/machine/down", "[" + M1 + "]"));
    assertThat(get("/maintenance/status").body()).contains("\"down_machines\":[" + M1 + "]");
    assertOk(form("/machine/up", "[" + M1 + "]"));
    assertThat(get("/maintenance/schedule").body()).isEqualTo("{}");
  }

  @Test
  void aFormContentTypeStillGetsMesossJsonErrors() {
    assertBadRequest(form("/machine/down", "machines=Machine1"),
        post("/machine/down", "machines=Machine1").body());
  }

  @Test
  void queryStringsAreStillCheckedOnThoseMaintenancePaths() {
    assertBadRequest(form("/maintenance/schedule?reason=%FF", schedule()),
        "Malformed query string or form parameters");
    assertBadRequest(form("/machine/up?reason=%C3%28", "[" + M1 + "]"),
        "Malformed query string or form parameters");
  }

  @Test
  void formBodiesElsewhereAreStillChecked() {
    assertBadRequest(form("/api/v1", "type=%ZZ"), "Malformed query string or form parameters");
  }

  private HttpResponse<String> form(String path, String body) {
    return send("POST", path, body, PRINCIPAL, SECRET, FORM);
  }
}
