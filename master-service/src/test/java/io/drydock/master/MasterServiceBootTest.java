package io.drydock.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** master-service boots against real PostgreSQL and Kafka, migrates its own schema and reports healthy. */
@MasterIntegrationTest
class MasterServiceBootTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @ParameterizedTest
  @ValueSource(strings = {"/livez", "/readyz"})
  void probesAnswerOk(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void migratesItsOwnSchema() {
    Integer applied = jdbc.queryForObject(
        "SELECT count(*) FROM master.flyway_schema_history WHERE success", Integer.class);
    assertThat(applied).isPositive();
  }
}
