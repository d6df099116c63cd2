package io.drydock.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.drydock.standalone.Standalone;
import io.drydock.standalone.StandaloneOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console end to end, as an operator uses it: the standalone suite (3 simulated agents) and Debian's
 * Chromium driven by playwright-core ({@code src/test/js/console-e2e.mjs}): log in (a wrong secret first),
 * see the agents, post a schedule (an invalid one first: the API's message is shown), see the timeline with
 * the machine DRAINING past its window's start, bring the machine down and up, read the audit. The script
 * screenshots every view into {@code drydock.console.screenshots}. Fails, never skips, without Chromium.
 */
class ConsoleEndToEndTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);
  private static final String PRINCIPAL = "console-operator";
  private static final String SECRET = "console-e2e-secret";

  @TempDir Path dataDir;

  @Test
  void operatorLogsInSeesAgentsPostsAScheduleAndBringsAMachineDownAndUp() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: the console's browser tests need Debian's Chromium. Install it with "
          + "'apt-get update && apt-get install -y chromium' (.ci/run does this when it is absent).");
    }
    Path e2e = Path.of(System.getProperty("drydock.console.e2e-dir", "target/e2e"));
    Path script = e2e.resolve("console-e2e.mjs");
    if (!Files.isDirectory(e2e.resolve("node_modules/playwright-core"))) {
      fail("playwright-core is not installed in " + e2e.toAbsolutePath()
          + ": run the tests through Maven (the build runs 'npm ci' there).");
    }
    Path screenshots = Path.of(System.getProperty("drydock.console.screenshots", "target/screenshots"));
    Files.createDirectories(screenshots);

    StandaloneOptions options = StandaloneOptions.parse(arguments());
    try (Standalone suite = Standalone.start(options)) {
      String url = "http://localhost:" + options.masterPort();
      String principal = PRINCIPAL;
      String secret = SECRET;
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> agents(url, principal, secret) == 3);

      Path log = e2e.resolve("console-e2e.log");
      ProcessBuilder node = new ProcessBuilder("node", script.toAbsolutePath().toString())
          .directory(e2e.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      node.environment().put("CONSOLE_URL", url + "/console/");
      node.environment().put("MASTER_URL", url);
      node.environment().put("CONSOLE_PRINCIPAL", principal);
      node.environment().put("CONSOLE_SECRET", secret);
      node.environment().put("CHROMIUM", CHROMIUM.toString());
      node.environment().put("SCREENSHOTS", screenshots.toAbsolutePath().toString());
      Process process = node.start();
      boolean finished = process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      System.out.println(output);
      assertThat(finished).as("the browser script finished within " + SCRIPT_TIMEOUT + ":\n" + output).isTrue();
      assertThat(process.exitValue()).as("the browser script's exit code:\n" + output).isZero();
      assertThat(output).contains("console e2e: OK");
    }
  }

  private String[] arguments() throws IOException {
    // the file's first credential is the suite's operator
    Path credentials = Files.writeString(dataDir.resolve("credentials.json"),
        "{\"credentials\":[{\"principal\":\"" + PRINCIPAL + "\",\"secret\":\"" + SECRET + "\"}]}");
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.resolve("data").toString(), "--agents", "3",
        "--credentials", credentials.toString()));
    for (String name : List.of("--master-port", "--agent-port", "--maintenance-port", "--auth-port",
        "--postgres-port", "--kafka-port")) {
      args.add(name);
      args.add(String.valueOf(freePort()));
    }
    // the launcher does not tell the master where maintenance-service is when it is not on 5052
    args.add("--drydock.master.maintenance-url=http://localhost:" + args.get(args.indexOf("--maintenance-port") + 1));
    return args.toArray(String[]::new);
  }

  private static int agents(String url, String principal, String secret) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/master/slaves"))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((principal + ":" + secret).getBytes(StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body().split("\"endpoint\"", -1).length - 1 : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** A free port whose successor is free too (the Kafka controller takes port + 1). */
  private static int freePort() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port < 65_000) {
          try (ServerSocket controller = new ServerSocket(port + 1)) {
            return port;
          } catch (IOException taken) {
            // try another
          }
        }
      }
    }
  }
}
