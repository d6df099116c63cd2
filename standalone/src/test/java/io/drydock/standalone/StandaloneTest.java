package io.drydock.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command, end to end: the whole suite in one JVM, started twice on one data dir. */
class StandaloneTest {

  @TempDir Path dataDir;

  @Test
  void startsTheWholeSuiteAndRestartsOnTheSameDataDirectoryKeepingItsState() throws Exception {
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--agents", "3"));
    String[] names = {"--master-port", "--agent-port", "--maintenance-port", "--auth-port", "--postgres-port"};
    for (String name : names) {
      args.add(name);
      args.add(String.valueOf(freePort()));
    }
    int kafkaPort = freePort();
    args.add("--kafka-port");
    args.add(String.valueOf(kafkaPort));
    StandaloneOptions options = StandaloneOptions.parse(args.toArray(String[]::new));

    String secret;
    try (Standalone suite = Standalone.start(options)) {
      assertThat(suite.readyLine()).startsWith("Drydock is ready");
      for (int port : suite.ports()) {
        assertThat(get("http://localhost:" + port + "/livez")).isEqualTo(200);
      }
      secret = suite.operatorCredentials().secret();
      assertThat(suite.readyLine()).contains("operator:" + secret);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(registeredAgents(options)).as("simulated agents registered with the master").isEqualTo(3));
    }

    try (Standalone again = Standalone.start(options)) {
      for (int port : again.ports()) {
        assertThat(get("http://localhost:" + port + "/readyz")).isEqualTo(200);
      }
      assertThat(again.operatorCredentials().secret()).as("credentials kept").isEqualTo(secret);
      try (Connection db = DriverManager.getConnection(
              "jdbc:postgresql://localhost:" + options.postgresPort() + "/postgres", "postgres", "postgres");
          ResultSet schemas = db.createStatement().executeQuery(
              "SELECT count(*) FROM information_schema.schemata"
                  + " WHERE schema_name IN ('master','maintenance','auth','agent')")) {
        schemas.next();
        assertThat(schemas.getInt(1)).isEqualTo(4);
      }
    }
  }

  @Test
  void passedThroughPropertiesReplaceTheLaunchersOwn() {
    assertThat(Standalone.withOverrides(List.of("--a=1", "--b=2"), List.of("--b=3")))
        .containsExactly("--a=1", "--b=3");
  }

  @Test
  void rejectsBadArgumentsWithAMessage() {
    assertThatThrownBy(() -> StandaloneOptions.parse("--agents", "many"))
        .hasMessageContaining("--agents expects a number");
    assertThatThrownBy(() -> StandaloneOptions.parse("--master-port", "70000"))
        .hasMessageContaining("between 1 and 65534");
    assertThatThrownBy(() -> StandaloneOptions.parse("--frobnicate", "1")).hasMessageContaining("Unknown option");
    assertThat(StandaloneOptions.parse("--agents=5", "--drydock.x=y").agents()).isEqualTo(5);
  }

  private static int registeredAgents(StandaloneOptions options) throws Exception {
    try (Connection db = DriverManager.getConnection(
            "jdbc:postgresql://localhost:" + options.postgresPort() + "/postgres", "postgres", "postgres");
        ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM agent.agent_identity")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static int get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static int freePort() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port < 65_000) {
          try (ServerSocket controller = new ServerSocket(port + 1)) {
            return port;
          } catch (IOException taken) {
            // the Kafka controller needs port + 1 too; try another
          }
        }
      }
    }
  }
}
