package io.drydock.reliability;

import io.drydock.agent.AgentApplication;
import io.drydock.auth.AuthApplication;
import io.drydock.maintenance.MaintenanceApplication;
import io.drydock.master.MasterApplication;
import io.drydock.standalone.EmbeddedKafka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole suite in this JVM for fault injection: its own PostgreSQL and its own KRaft Kafka broker on
 * fixed ports with persistent data directories (so either can be stopped and started again on the same
 * port without losing data), auth-service, maintenance-service, any number of master-service replicas
 * and agent-service with simulated agents, each its own Spring context. Unlike the per-JVM test
 * infrastructure it is private to the test that builds it, so restarting it disturbs nobody else.
 */
final class Suite implements AutoCloseable {

  static final String OPERATOR = "operator";

  private final Path dataDir;
  private final int agents;
  private final List<String> extra;
  private final String secret = "op-" + UUID.randomUUID();
  private final int postgresPort = freePort();
  private final int kafkaPort = freePort();
  private final int controllerPort = freePort();
  private final int authPort = freePort();
  private final int maintenancePort = freePort();
  private final int agentPort = freePort();
  private final int frontPort = freePort();
  private final List<Integer> masterPorts = new ArrayList<>();
  private final List<ConfigurableApplicationContext> masters = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private EmbeddedPostgres postgres;
  private EmbeddedKafka kafka;
  private MasterFront front;
  private ConfigurableApplicationContext auth;
  private ConfigurableApplicationContext maintenance;
  private ConfigurableApplicationContext agent;

  private Suite(Path dataDir, int masters, int agents, List<String> extra) {
    this.dataDir = dataDir;
    this.agents = agents;
    this.extra = extra;
    for (int i = 0; i < masters; i++) {
      masterPorts.add(freePort());
    }
  }

  /** Starts everything and waits until every service answers {@code /readyz}. */
  static Suite start(Path dataDir, int masters, int agents, String... extraArgs) throws Exception {
    Suite suite = new Suite(dataDir, masters, agents, List.of(extraArgs));
    try {
      suite.startAll();
      return suite;
    } catch (Exception | Error e) {
      suite.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    Files.writeString(dataDir.resolve("credentials.json"),
        "{\"credentials\":[{\"principal\":\"" + OPERATOR + "\",\"secret\":\"" + secret + "\"}]}");
    startPostgres();
    startKafka();
    auth = launch(AuthApplication::start, authPort, List.of());
    maintenance = launch(MaintenanceApplication::start, maintenancePort, List.of());
    for (int i = 0; i < masterPorts.size(); i++) {
      masters.add(startMaster(i));
    }
    // a load balancer that tries the last replica first: with several, agents start at a follower and
    // follow its 307s to the leader, and still reach a live replica when that one is killed
    List<Integer> lastFirst = new ArrayList<>(masterPorts);
    Collections.reverse(lastFirst);
    front = MasterFront.start(frontPort, lastFirst);
    agent = launch(AgentApplication::start, agentPort, List.of(
        "--drydock.agent.master-url=" + masterUrl(),
        "--drydock.agent.simulated.count=" + agents,
        "--drydock.agent.work-dir=" + dataDir.resolve("agent"),
        "--drydock.agent.principal=" + OPERATOR,
        "--drydock.agent.secret=" + secret));
    for (int port : ports()) {
      awaitReady(port);
    }
  }

  private ConfigurableApplicationContext startMaster(int index) {
    return launch(MasterApplication::start, masterPorts.get(index), List.of(
        "--drydock.master.agent.principal=" + OPERATOR,
        "--drydock.master.agent.secret=" + secret,
        "--drydock.master.maintenance-url=http://localhost:" + maintenancePort,
        "--drydock.master.advertised-host=localhost"));
  }

  private ConfigurableApplicationContext launch(
      BiFunction<Map<String, Object>, String[], ConfigurableApplicationContext> launcher, int port,
      List<String> own) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--spring.kafka.bootstrap-servers=localhost:" + kafkaPort,
        "--spring.main.register-shutdown-hook=false",
        "--spring.main.banner-mode=off",
        "--spring.profiles.active=plain-logs",
        "--logging.level.org.apache.kafka=ERROR",
        "--logging.level.kafka=ERROR",
        "--logging.level.state.change.logger=ERROR",
        "--logging.level.org.apache.kafka.clients.NetworkClient=ERROR",
        "--drydock.security.auth-service-url=http://localhost:" + authPort,
        "--drydock.security.credentials=file:" + dataDir.resolve("credentials.json").toAbsolutePath(),
        "--drydock.security.operators=" + OPERATOR));
    args.addAll(own);
    args.addAll(extra);
    return launcher.apply(Map.of(), args.toArray(String[]::new));
  }

  // ---------------------------------------------------------------- infrastructure faults

  private void startPostgres() throws IOException {
    Path dir = dataDir.resolve("postgres");
    Files.createDirectories(dir);
    postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setPort(postgresPort)
        .setServerConfig("max_connections", "300")
        .setServerConfig("fsync", "off")
        .setPGStartupWait(Duration.ofSeconds(60)) // the default 10 s is not enough on a loaded 2-core box
        .start();
  }

  /** Stops PostgreSQL (fast shutdown: connections are cut) and returns without starting it again. */
  void stopPostgres() throws IOException {
    postgres.close();
    postgres = null;
  }

  /** Starts PostgreSQL again on the same port and data directory. */
  void startPostgresAgain() throws IOException {
    startPostgres();
  }

  private void startKafka() throws Exception {
    kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
  }

  /** Stops the Kafka broker (a clean shutdown) and returns without starting it again. */
  void stopKafka() {
    kafka.close();
    kafka = null;
  }

  /** Starts the broker again on the same ports and log directory. */
  void startKafkaAgain() throws Exception {
    startKafka();
  }

  /** Closes master replica {@code index}'s context: the process is gone, as far as the others can tell. */
  void killMaster(int index) {
    ConfigurableApplicationContext master = masters.set(index, null);
    if (master != null) {
      master.close();
    }
  }

  /** Starts master replica {@code index} again (after {@link #killMaster}) and waits until it answers. */
  void restartMaster(int index) {
    if (masters.get(index) != null) {
      throw new IllegalStateException("master " + index + " is running");
    }
    masters.set(index, startMaster(index));
    awaitReady(masterPorts.get(index));
  }

  // ---------------------------------------------------------------- access

  /** The masters' load balancer: where agents (and frameworks that want to survive any kill) connect. */
  String masterUrl() {
    return "http://localhost:" + frontPort;
  }

  String bootstrapServers() {
    return "localhost:" + kafkaPort;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
  }

  Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
  }

  /** The first column of every row {@code sql} returns, as strings. */
  List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection db = database(); ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The single number {@code sql} returns (a count). */
  long count(String sql) throws SQLException {
    try (Connection db = database(); ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The operator's secret (principal {@link #OPERATOR}). */
  String secret() {
    return secret;
  }

  String authorization() {
    return "Basic " + Base64.getEncoder().encodeToString((OPERATOR + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  int masterPort(int index) {
    return masterPorts.get(index);
  }

  ConfigurableApplicationContext master(int index) {
    return masters.get(index);
  }

  int maintenancePort() {
    return maintenancePort;
  }

  int authPort() {
    return authPort;
  }

  int agentPort() {
    return agentPort;
  }

  ConfigurableApplicationContext maintenance() {
    return maintenance;
  }

  ConfigurableApplicationContext auth() {
    return auth;
  }

  /** master ports, then agent, maintenance, auth. */
  List<Integer> ports() {
    List<Integer> ports = new ArrayList<>(masterPorts);
    ports.addAll(List.of(agentPort, maintenancePort, authPort));
    return ports;
  }

  private void awaitReady(int port) {
    URI uri = URI.create("http://localhost:" + port + "/readyz");
    org.awaitility.Awaitility.await(uri + " ready").atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(IOException.class)
        .until(() -> http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  /** An operator request with a JSON body (or none). */
  RawHttp.Response call(int port, String method, String path, String json) {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + "Authorization: " + authorization() + "\r\n"
        + (json == null ? "" : "Content-Type: application/json\r\n")
        + "Content-Length: " + body.length + "\r\n\r\n";
    return RawHttp.send(port, head.getBytes(StandardCharsets.UTF_8), body);
  }

  /** Every record value on {@code topic}, read from the beginning (empty when the topic does not exist). */
  List<String> records(String topic) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 10_000;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }

  /** Sends one record and waits for the broker's acknowledgement. */
  void produce(String topic, String key, String value) throws Exception {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 0);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /** Whether {@code /readyz} of the service on {@code port} answers 200 now. */
  boolean ready(int port) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    List<AutoCloseable> stops = new ArrayList<>();
    if (agent != null) {
      stops.add(agent::close);
    }
    if (front != null) {
      stops.add(front::close);
    }
    for (ConfigurableApplicationContext master : masters) {
      if (master != null) {
        stops.add(master::close);
      }
    }
    if (maintenance != null) {
      stops.add(maintenance::close);
    }
    if (auth != null) {
      stops.add(auth::close);
    }
    stops.add(() -> {
      if (kafka != null) {
        stopKafka();
      }
    });
    stops.add(() -> {
      if (postgres != null) {
        stopPostgres();
      }
    });
    for (AutoCloseable stop : stops) {
      try {
        stop.close();
      } catch (Exception e) {
        System.err.println("Suite: error while stopping: " + e);
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
