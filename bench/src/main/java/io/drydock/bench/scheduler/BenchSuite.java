package io.drydock.bench.scheduler;

import io.drydock.agent.AgentApplication;
import io.drydock.standalone.Standalone;
import io.drydock.standalone.StandaloneOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone suite on free loopback ports for a load harness, with a known operator credential, plus
 * what the harnesses need around it: a second agent-service process-in-JVM (a fleet of its own), a JDBC
 * connection to the registry, heap after GC, percentiles.
 */
public final class BenchSuite implements AutoCloseable {

  public final Standalone suite;
  public final StandaloneOptions options;
  public final String secret;
  private final Path dataDir;
  private final Path credentials;
  private final List<ConfigurableApplicationContext> extraAgents = new ArrayList<>();

  private BenchSuite(Standalone suite, StandaloneOptions options, String secret, Path dataDir, Path credentials) {
    this.suite = suite;
    this.options = options;
    this.secret = secret;
    this.dataDir = dataDir;
    this.credentials = credentials;
  }

  /** Starts the suite with {@code agents} simulated agents; {@code extra} are passed through to every service. */
  public static BenchSuite start(int agents, String... extra) throws Exception {
    Path dataDir = Files.createTempDirectory("drydock-bench");
    String secret = "bench-" + Long.toHexString(System.nanoTime());
    Path credentials = dataDir.resolve("credentials.json");
    Files.writeString(credentials,
        "{\"credentials\":[{\"principal\":\"operator\",\"secret\":\"" + secret + "\"}]}");
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.resolve("suite").toString(),
        "--agents", String.valueOf(agents), "--credentials", credentials.toString(),
        "--logging.level.root=WARN", "--logging.level.io.drydock=WARN"));
    args.addAll(Arrays.asList(extra));
    for (String port : List.of("--master-port", "--agent-port", "--maintenance-port", "--auth-port",
        "--postgres-port", "--kafka-port")) {
      args.add(port);
      args.add(String.valueOf(freePort()));
    }
    StandaloneOptions options = StandaloneOptions.parse(args.toArray(String[]::new));
    return new BenchSuite(Standalone.start(options), options, secret, dataDir, credentials);
  }

  public String masterUrl() {
    return "http://localhost:" + options.masterPort();
  }

  public String kafka() {
    return "localhost:" + options.kafkaPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + options.postgresPort() + "/postgres";
  }

  public Connection jdbc() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
  }

  /**
   * Starts another agent-service in this JVM running {@code count} simulated agents named
   * {@code prefix<i>}, registering with the suite's master; answers when its context is up (not when its
   * agents are registered).
   */
  public ConfigurableApplicationContext startAgentService(int count, String prefix, String resources,
      String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + freePort(),
        "--spring.datasource.url=" + jdbcUrl(),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--spring.kafka.bootstrap-servers=" + kafka(),
        "--spring.main.register-shutdown-hook=false",
        "--spring.main.banner-mode=off",
        "--spring.profiles.active=plain-logs",
        "--logging.level.root=WARN", "--logging.level.io.drydock=WARN",
        "--drydock.security.auth-service-url=http://localhost:" + options.authPort(),
        "--drydock.security.credentials=file:" + credentials.toAbsolutePath(),
        "--drydock.security.operators=operator",
        "--drydock.agent.master-url=" + masterUrl(),
        "--drydock.agent.simulated.count=" + count,
        "--drydock.agent.simulated.hostname-prefix=" + prefix,
        "--drydock.agent.simulated.resources=" + resources,
        "--drydock.agent.work-dir=" + dataDir.resolve("agent-" + prefix),
        "--drydock.agent.principal=operator",
        "--drydock.agent.secret=" + secret));
    args.addAll(Arrays.asList(extra));
    ConfigurableApplicationContext context = AgentApplication.start(Map.of(), args.toArray(String[]::new));
    extraAgents.add(context);
    return context;
  }

  /**
   * HTTP requests served so far by the service on {@code port}, per method and path
   * ({@code http_server_requests_seconds_count} of its Prometheus scrape), e.g. {@code POST /api/v1/scheduler → 1234}.
   */
  public Map<String, Long> requestCounts(int port) {
    Map<String, Long> counts = new TreeMap<>();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                  ("operator:" + secret).getBytes(StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile(
          "http_server_requests_seconds_count\\{([^}]*)\\} ([0-9.eE+]+)").matcher(r.body());
      while (m.find()) {
        String labels = m.group(1);
        String method = label(labels, "method");
        String uri = label(labels, "uri");
        counts.merge(method + " " + uri, (long) Double.parseDouble(m.group(2)), Long::sum);
      }
    } catch (IOException e) {
      counts.put("(scrape failed: " + e + ")", 0L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return counts;
  }

  private static String label(String labels, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
    return m.find() ? m.group(1) : "?";
  }

  @Override
  public void close() {
    for (ConfigurableApplicationContext context : extraAgents) {
      try {
        context.close();
      } catch (RuntimeException e) {
        System.err.println("closing an agent-service: " + e);
      }
    }
    suite.close();
  }

  /** Heap used after a full GC (System.gc() twice, with a pause for reference processing), in MiB. */
  public static double heapAfterGcMiB() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  /** The q-quantile (0..1) of sorted values (nearest rank). */
  public static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  public static int freePort() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port < 65_000) {
          try (ServerSocket controller = new ServerSocket(port + 1)) {
            return port;
          } catch (IOException taken) {
            // the Kafka controller needs port + 1 too
          }
        }
      }
    }
  }
}
