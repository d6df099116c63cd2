package io.drydock.standalone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.drydock.agent.AgentApplication;
import io.drydock.auth.AuthApplication;
import io.drydock.maintenance.MaintenanceApplication;
import io.drydock.master.MasterApplication;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's run command: embedded PostgreSQL and Kafka, then auth-service, maintenance-service,
 * master-service and agent-service (with simulated agents), each its own Spring context in this JVM.
 * When all four answer {@code /readyz} it prints one line starting with {@code Drydock is ready}. A
 * SIGTERM (Ctrl-C) stops everything in reverse order.
 */
public final class Standalone implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final StandaloneOptions options;
  private BootstrapCredentials suiteCredential;

  private Standalone(StandaloneOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    StandaloneOptions options;
    try {
      options = StandaloneOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    quietInfrastructureLogs();
    Standalone suite = new Standalone(options);
    Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "drydock-standalone-stop"));
    try {
      suite.start();
      System.out.println(suite.readyLine());
    } catch (Exception e) {
      System.err.println("Drydock failed to start: " + e);
      suite.close();
      System.exit(1);
    }
  }

  /** Starts the whole suite; the caller closes it. */
  public static Standalone start(StandaloneOptions options) throws Exception {
    Standalone suite = new Standalone(options);
    try {
      suite.start();
      return suite;
    } catch (Exception e) {
      suite.close();
      throw e;
    }
  }

  private void start() throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(options.dataDir().resolve("postgres"), options.postgresPort());
    started.push(database);
    EmbeddedKafka kafka = EmbeddedKafka.start(options.dataDir().resolve("kafka"), options.kafkaPort());
    started.push(kafka);
    suiteCredential = options.credentials() == null
        ? BootstrapCredentials.loadOrCreate(options.dataDir())
        : BootstrapCredentials.firstOf(options.credentials());
    List<String> common = commonArguments(database, kafka);
    startService(AuthApplication::start, options.authPort(), common, List.of());
    startService(MaintenanceApplication::start, options.maintenancePort(), common, List.of());
    startService(MasterApplication::start, options.masterPort(), common, List.of(
        "--drydock.master.maintenance-url=http://localhost:" + options.maintenancePort(),
        "--drydock.master.agent.principal=" + suiteCredential.principal(),
        "--drydock.master.agent.secret=" + suiteCredential.secret()));
    startService(AgentApplication::start, options.agentPort(), common, List.of(
        "--drydock.agent.master-url=http://localhost:" + options.masterPort(),
        "--drydock.agent.simulated.count=" + options.agents(),
        "--drydock.agent.work-dir=" + options.dataDir().resolve("agent"),
        "--drydock.agent.principal=" + suiteCredential.principal(),
        "--drydock.agent.secret=" + suiteCredential.secret()));
    awaitReady();
  }

  private List<String> commonArguments(EmbeddedDatabase database, EmbeddedKafka kafka) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + database.jdbcUrl(),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
        "--spring.main.register-shutdown-hook=false",
        "--spring.main.banner-mode=off",
        "--logging.include-application-name=false",
        "--logging.level.org.apache.kafka=WARN",
        "--logging.level.kafka=WARN",
        "--logging.level.state.change.logger=WARN",
        "--logging.level.io.zonky=WARN",
        "--drydock.security.auth-service-url=http://localhost:" + options.authPort(),
        "--drydock.security.credentials=file:" + suiteCredential.file().toAbsolutePath(),
        "--drydock.security.operators=" + suiteCredential.principal()));
    if (!options.jsonLogs()) {
      args.add("--spring.profiles.active=plain-logs");
    }
    if (options.acls() != null) {
      args.add("--drydock.security.acls=file:" + options.acls().toAbsolutePath());
    }
    return withOverrides(args, options.passThrough());
  }

  /** The launcher's arguments with any the user passed through replacing ours of the same name. */
  static List<String> withOverrides(List<String> ours, List<String> theirs) {
    java.util.Set<String> overridden = new java.util.HashSet<>();
    for (String arg : theirs) {
      overridden.add(name(arg));
    }
    List<String> merged = new ArrayList<>();
    for (String arg : ours) {
      if (!overridden.contains(name(arg))) {
        merged.add(arg);
      }
    }
    merged.addAll(theirs);
    return merged;
  }

  private static String name(String arg) {
    int eq = arg.indexOf('=');
    return eq < 0 ? arg : arg.substring(0, eq);
  }

  private void startService(BiFunction<Map<String, Object>, String[], ConfigurableApplicationContext> launcher,
      int port, List<String> common, List<String> extra) {
    List<String> ours = new ArrayList<>(extra);
    ours.add("--server.port=" + port);
    List<String> args = withOverrides(ours, common);
    ConfigurableApplicationContext context = launcher.apply(Map.of(), args.toArray(String[]::new));
    started.push(context::close);
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    for (int port : ports()) {
      URI uri = URI.create("http://localhost:" + port + "/readyz");
      while (!answersOk(http, uri)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(uri + " did not become ready within " + READY_TIMEOUT);
        }
        Thread.sleep(200);
      }
    }
  }

  private static boolean answersOk(HttpClient http, URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The ports of master, agent, maintenance and auth, in that order. */
  public List<Integer> ports() {
    return List.of(options.masterPort(), options.agentPort(), options.maintenancePort(), options.authPort());
  }

  /**
   * The operator credential: generated (once per data directory) when no credentials file was given,
   * otherwise the file's first credential.
   */
  public BootstrapCredentials operatorCredentials() {
    return suiteCredential;
  }

  /** The one line printed when everything is up. */
  public String readyLine() {
    String who = options.credentials() != null
        ? "credentials from " + options.credentials() + ", operator " + suiteCredential.principal()
        : "operator credentials " + suiteCredential.principal() + ":" + suiteCredential.secret();
    return "Drydock is ready: master http://localhost:" + options.masterPort()
        + " agent http://localhost:" + options.agentPort()
        + " maintenance http://localhost:" + options.maintenancePort()
        + " auth http://localhost:" + options.authPort()
        + " (" + options.agents() + " simulated agents; " + who + "; data in " + options.dataDir() + ")";
  }

  /** Stops the services, then Kafka, then PostgreSQL. Idempotent. */
  @Override
  public synchronized void close() {
    PrintStream err = System.err;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        err.println("Drydock: error while stopping: " + e);
      }
    }
  }

  private static void quietInfrastructureLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
      for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger", "io.zonky")) {
        Logger logger = context.getLogger(name);
        logger.setLevel(Level.WARN);
      }
    }
  }
}
