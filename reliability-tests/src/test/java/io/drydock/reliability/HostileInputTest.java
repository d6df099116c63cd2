package io.drydock.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import io.drydock.events.Topics;
import io.drydock.support.kafka.DeadLetters;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of seeded random malformed, oversized, wrongly-typed and boundary-valued requests (bodies,
 * content types, methods, headers, query strings, path parameters, credentials) against every public
 * endpoint of every service: no 5xx, every refusal a 4xx with a message (Mesos's empty-bodied 403s
 * excepted), no hang, and not one row of durable state changed. Reproduce a run with
 * {@code -Ddrydock.hostile.seed=<seed>}; size it with {@code -Ddrydock.hostile.requests=<n>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  private static final long SEED = Long.getLong("drydock.hostile.seed", 20261121L);
  private static final int REQUESTS = Integer.getInteger("drydock.hostile.requests", 3000);
  /** Tables whose rows change on every request by design (audit trails) or by the relay (outbox). */
  private static final Set<String> VOLATILE_TABLES =
      Set.of("outbox", "processed_event", "audit_record", "audit_entry", "flyway_schema_history");

  @TempDir static Path dataDir;
  private Suite suite;

  @BeforeAll
  void startSuite() throws Exception {
    suite = Suite.start(dataDir, 1, 2);
    await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM master.agent WHERE removed_at IS NULL") == 2);
    RawHttp.Response posted = send(suite.maintenancePort(), "POST", "/maintenance/schedule", "application/json",
        suite.authorization(), """
            {"windows":[{"machine_ids":[{"hostname":"hostile-1","ip":"10.0.0.1"}],
             "unavailability":{"start":{"nanoseconds":4102444800000000000},"duration":{"nanoseconds":3600000000000}}}]}
            """.getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(posted.status()).as(posted.bodyText()).isEqualTo(200);
  }

  @AfterAll
  void stopSuite() {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void hostileRequestsGetFourHundredsWithMessagesAndChangeNothing() throws Exception {
    Map<String, String> before = snapshot();
    Random random = new Random(SEED);
    List<Target> targets = targets();
    Map<String, String> failures = new LinkedHashMap<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    long started = System.nanoTime();
    for (int i = 0; i < REQUESTS; i++) {
      Target target = targets.get(random.nextInt(targets.size()));
      Attempt attempt = Attempt.random(random, target, suite.authorization());
      RawHttp.Response response = RawHttp.send(target.port().getAsInt(), attempt.head(), attempt.body());
      statuses.merge(response.status(), 1, Integer::sum);
      String problem = problemWith(attempt, response);
      if (problem != null) {
        failures.putIfAbsent(attempt.method() + " " + target.path() + " → " + problem,
            "#" + i + " " + attempt.describe() + " → " + response.status() + " " + abbreviate(response.bodyText()));
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("Hostile input: %d requests (seed %d) in %d ms, statuses %s%n", REQUESTS, SEED, millis, statuses);
    failures.forEach((k, v) -> System.out.println("FAILED " + k + "\n    " + v));
    assertThat(failures).as("requests answered wrongly (seed %d)", SEED).isEmpty();
    assertThat(snapshot()).as("durable state after %d hostile requests", REQUESTS).isEqualTo(before);
  }

  @Test
  void poisonRecordsAreSkippedCountedAndDeadLetteredWithoutChangingAnything() throws Exception {
    Map<String, String> before = snapshot();
    List<String> poison = List.of("not json", "{\"eventId\":\"not-a-uuid\",\"type\":\"AclsChanged\"}",
        "{\"eventId\":\"6d1f0c1e-8f7e-4b0a-9c55-1f0a2b3c4d5e\",\"type\":\"Nonsense\",\"schemaVersion\":1}",
        "\u0000\u0001binary", "[]");
    List<String> topics = List.of(Topics.ACLS, Topics.INVERSE_OFFER_RESPONSES);
    Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 0);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
      for (String topic : topics) {
        for (String value : poison) {
          producer.send(new ProducerRecord<>(topic, "poison", value)).get();
        }
      }
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(suite.records(DeadLetters.topicOf(Topics.INVERSE_OFFER_RESPONSES)))
          .as("one consumer group: each poison record dead-lettered once").hasSize(poison.size());
      // every service reads the ACL topic without a group, so each dead-letters its own copy
      assertThat(suite.records(DeadLetters.topicOf(Topics.ACLS))).hasSizeGreaterThanOrEqualTo(poison.size() * 3);
    });
    String metrics = RawHttp.send(suite.maintenancePort(), ("GET /actuator/prometheus HTTP/1.1\r\nHost: localhost\r\n"
        + "Connection: close\r\nAuthorization: " + suite.authorization() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8),
        null).bodyText();
    assertThat(metrics).contains("drydock_consumer_dead_letters_total{consumer=\"maintenance-service.inverse-offer-responses\","
        + "topic=\"drydock.inverse-offer-responses\"} " + poison.size() + ".0");
    assertThat(metrics).contains("drydock_outbox_rows").contains("drydock_outbox_oldest_age_seconds");
    assertThat(snapshot()).as("durable state after poison records").isEqualTo(before);
    RawHttp.Response acls = send(suite.authPort(), "GET", "/acls", null, suite.authorization(), new byte[0], Map.of());
    assertThat(acls.status()).as("the ACLs in force still authorize the operator").isEqualTo(200);
  }

  private static String problemWith(Attempt attempt, RawHttp.Response response) {
    if (response.timedOut()) {
      return "no answer within 15 s";
    }
    if (response.status() < 0) {
      return "connection closed without a response";
    }
    // Mesos answers 501 Not Implemented (with a message) for v1 operator call types it does not serve
    boolean notImplemented = response.status() == 501 && attempt.path().endsWith("/api/v1")
        && response.body().length > 0;
    if (response.status() >= 500 && !notImplemented) {
      return String.valueOf(response.status());
    }
    // HEAD has no body by definition; Mesos specifies empty 403 bodies; Tomcat refuses TRACE in the
    // connector (405 with Allow, before any filter), which no service can reach
    boolean silentAllowed = attempt.method().equals("HEAD") || response.status() == 403
        || (attempt.method().equals("TRACE") && response.status() == 405);
    if (response.status() >= 400 && response.body().length == 0 && !silentAllowed) {
      return response.status() + " without a message";
    }
    return null;
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
  }

  // ------------------------------------------------------------------ state

  /** Every row of every table of every service's schema, except audit trails and the outbox. */
  private Map<String, String> snapshot() throws Exception {
    Map<String, String> tables = new TreeMap<>();
    try (Connection db = suite.database()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = db.createStatement().executeQuery(
          "SELECT table_schema || '.' || table_name FROM information_schema.tables"
              + " WHERE table_schema IN ('master','maintenance','auth','agent') AND table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        if (VOLATILE_TABLES.contains(name.substring(name.indexOf('.') + 1))) {
          continue;
        }
        StringBuilder rows = new StringBuilder();
        try (ResultSet rs = db.createStatement().executeQuery("SELECT t::text FROM " + name + " t ORDER BY 1")) {
          while (rs.next()) {
            rows.append(rs.getString(1)).append('\n');
          }
        }
        tables.put(name, rows.toString());
      }
    }
    return tables;
  }

  private long count(String sql) throws Exception {
    try (Connection db = suite.database(); ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  // ------------------------------------------------------------------ targets

  /** The kinds of body an endpoint takes, so a wrongly-typed one can be made for it. */
  enum Family { NONE, MESOS_OPERATOR, SCHEDULER, SCHEDULE, MACHINES, WEIGHTS, QUOTA, RESERVE, AGENT_PROTOCOL,
    AGENT_COMMAND, ACLS, CREDENTIAL, TOKEN }

  record Target(IntSupplier port, String path, Family family) {}

  private List<Target> targets() {
    IntSupplier master = () -> suite.masterPort(0);
    IntSupplier agent = suite::agentPort;
    IntSupplier maintenance = suite::maintenancePort;
    IntSupplier auth = suite::authPort;
    List<Target> targets = new ArrayList<>();
    for (String prefix : List.of("", "/master")) {
      targets.add(new Target(master, prefix + "/api/v1/scheduler", Family.SCHEDULER));
      targets.add(new Target(master, prefix + "/api/v1", Family.MESOS_OPERATOR));
      targets.add(new Target(master, prefix + "/weights", Family.WEIGHTS));
      targets.add(new Target(master, prefix + "/quota", Family.QUOTA));
      targets.add(new Target(master, prefix + "/quota/{role}", Family.QUOTA));
      targets.add(new Target(master, prefix + "/roles", Family.NONE));
      targets.add(new Target(master, prefix + "/state", Family.NONE));
      for (String op : List.of("/reserve", "/unreserve", "/create-volumes", "/destroy-volumes")) {
        targets.add(new Target(master, prefix + op, Family.RESERVE));
      }
      targets.add(new Target(maintenance, prefix + "/maintenance/schedule", Family.SCHEDULE));
      targets.add(new Target(maintenance, prefix + "/machine/down", Family.MACHINES));
      targets.add(new Target(maintenance, prefix + "/machine/up", Family.MACHINES));
      targets.add(new Target(maintenance, prefix + "/maintenance/status", Family.NONE));
      targets.add(new Target(maintenance, prefix + "/maintenance/audit", Family.NONE));
      targets.add(new Target(maintenance, prefix + "/api/v1", Family.MESOS_OPERATOR));
    }
    for (String path : List.of("/agent/v1/register", "/agent/v1/heartbeat", "/agent/v1/status-updates")) {
      targets.add(new Target(master, path, Family.AGENT_PROTOCOL));
    }
    for (String path : List.of("/agent/v1/{agentId}/launch", "/agent/v1/{agentId}/kill", "/agent/v1/{agentId}/shutdown")) {
      targets.add(new Target(agent, path, Family.AGENT_COMMAND));
    }
    targets.add(new Target(auth, "/acls", Family.ACLS));
    targets.add(new Target(auth, "/credentials", Family.NONE));
    targets.add(new Target(auth, "/credentials/{principal}", Family.CREDENTIAL));
    targets.add(new Target(auth, "/audit", Family.NONE));
    targets.add(new Target(auth, "/oauth2/token", Family.TOKEN));
    targets.add(new Target(auth, "/oauth2/jwks", Family.NONE));
    targets.add(new Target(auth, "/.well-known/oauth-authorization-server", Family.NONE));
    for (IntSupplier port : List.of(master, agent, maintenance, auth)) {
      targets.add(new Target(port, "/actuator/prometheus", Family.NONE));
      targets.add(new Target(port, "/no/such/{thing}", Family.NONE));
      targets.add(new Target(port, "/livez", Family.NONE));
    }
    return targets;
  }

  private static RawHttp.Response send(int port, String method, String path, String contentType,
      String authorization, byte[] body, Map<String, String> headers) {
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return RawHttp.send(port, head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
  }

  // ------------------------------------------------------------------ one hostile request

  record Attempt(String method, String path, byte[] head, byte[] body, String summary) {
    String describe() {
      return summary;
    }

    static Attempt random(Random random, Target target, String operator) {
      String method = pick(random, List.of("GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD",
          "OPTIONS", "TRACE", "BREW", "GET"));
      String path = target.path()
          .replace("{role}", pathParameter(random))
          .replace("{agentId}", pathParameter(random))
          .replace("{principal}", pathParameter(random))
          .replace("{thing}", pathParameter(random));
      if (random.nextInt(5) == 0) {
        path += "?" + query(random);
      }
      byte[] body = Bodies.of(random, target.family());
      String contentType = pick(random, List.of("application/json", "application/json", "application/json",
          "application/x-protobuf", "text/plain", "application/xml", "", "multipart/form-data",
          "application/json; charset=utf-99", "a/b/c;;=", "application/x-www-form-urlencoded", "*/*"));
      String authorization = switch (random.nextInt(20)) {
        case 0 -> null;
        case 1 -> "Basic " + java.util.Base64.getEncoder().encodeToString("operator:wrong".getBytes());
        case 2 -> "Basic !!!not-base64";
        case 3 -> "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJvcGVyYXRvciJ9.";
        case 4 -> "Basic " + java.util.Base64.getEncoder().encodeToString("a:b:c".getBytes());
        default -> operator;
      };
      Map<String, String> headers = new LinkedHashMap<>();
      switch (random.nextInt(12)) {
        case 0 -> headers.put("Accept", pick(random, List.of("text/html", "application/x-protobuf", "garbage", "*/*;q=x")));
        case 1 -> headers.put("Mesos-Stream-Id", pick(random, List.of("", "x", "%00", "a".repeat(8000))));
        case 2 -> headers.put("X-Forwarded-For", "not-an-ip, ::::, 999.999.1.1");
        case 3 -> headers.put("X-Big", "b".repeat(20_000 + random.nextInt(10_000)));
        case 4 -> headers.put("Accept-Charset", "utf-99");
        case 5 -> headers.put("Content-Encoding", "gzip");
        default -> { }
      }
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
      if (!contentType.isEmpty()) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      if (authorization != null) {
        head.append("Authorization: ").append(authorization).append("\r\n");
      }
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      String framing;
      byte[] sent = body;
      int framingChoice = random.nextInt(20);
      if (framingChoice == 0 && body.length > 0) {
        framing = "chunked";
        head.append("Transfer-Encoding: chunked\r\n\r\n");
        sent = chunked(body);
      } else if (framingChoice == 1 && body.length > 1) {
        framing = "short Content-Length";
        head.append("Content-Length: ").append(body.length / 2).append("\r\n\r\n");
      } else {
        framing = "Content-Length";
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      }
      String summary = method + " " + abbreviatePath(path) + " type=" + contentType + " auth="
          + (authorization == operator ? "operator" : String.valueOf(authorization)) + " headers=" + headers.keySet()
          + " " + framing + " body=" + preview(body);
      return new Attempt(method, path.contains("?") ? path.substring(0, path.indexOf('?')) : path,
          head.toString().getBytes(StandardCharsets.UTF_8), sent, summary);
    }

    private static String abbreviatePath(String path) {
      return path.length() <= 120 ? path : path.substring(0, 120) + "…(" + path.length() + ")";
    }

    private static String preview(byte[] body) {
      String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
      return body.length <= 120 ? text : text + "…(" + body.length + " bytes)";
    }

    private static byte[] chunked(byte[] body) {
      byte[] head = (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] tail = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      byte[] all = new byte[head.length + body.length + tail.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(body, 0, all, head.length, body.length);
      System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
      return all;
    }

    private static String pathParameter(Random random) {
      return pick(random, List.of("x", "%00", "%2e%2e%2f%2e%2e", "..", "%ZZ", "a".repeat(3000), "%C3%A9%E6%BC%A2",
          "nobody-" + random.nextInt(1000), "-1", "9223372036854775808", "%20", "a;b=c", "%2F"));
    }

    private static String query(Random random) {
      return pick(random, List.of("jsonp=alert(1)", "timeout=-1", "x=%ZZ", "a=" + "q".repeat(10_000), "&&&==",
          "role=%00", "limit=99999999999999999999", "framework_id=", "%", "x=%C0%AF"));
    }
  }

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Bodies that are never a valid request, each targeted at a family's expected shape. */
  static final class Bodies {

    private static final List<String> GENERIC = List.of("", "{", "}", "null", "[]", "42", "-1", "\"text\"", "true",
        "{\"type\":123}", "{\"type\":\"NOT_A_CALL\"}", "{\"type\":null}", "{\"type\":[]}", "{\"type\":{}}",
        "[{\"type\":\"SUBSCRIBE\"}]", "1e999999", "\"\\ud800\"", "{\"a\":\"\\u0000\"", "{'single':'quotes'}",
        "{\"type\":\"GET_HEALTH\"", "<xml/>", "a=b&c=d", "{\"type\":\"SUBSCRIBE\",\"type\":1}");

    private static final List<String> NOT_OBJECTS =
        GENERIC.stream().filter(body -> !(body.startsWith("{\"") && body.endsWith("}"))).toList();

    private static final Map<Family, List<String>> TYPED = Map.ofEntries(
        Map.entry(Family.MESOS_OPERATOR, List.of(
            "{\"type\":\"UPDATE_MAINTENANCE_SCHEDULE\"}",
            "{\"type\":\"UPDATE_MAINTENANCE_SCHEDULE\",\"update_maintenance_schedule\":{\"schedule\":\"x\"}}",
            "{\"type\":\"UPDATE_MAINTENANCE_SCHEDULE\",\"update_maintenance_schedule\":{\"schedule\":{\"windows\":[{\"machine_ids\":[]}]}}}",
            "{\"type\":\"START_MAINTENANCE\",\"start_maintenance\":{\"machines\":[]}}",
            "{\"type\":\"START_MAINTENANCE\",\"start_maintenance\":{\"machines\":[{\"hostname\":\"hostile-1\",\"ip\":\"10.0.0.256\"}]}}",
            "{\"type\":\"STOP_MAINTENANCE\",\"stop_maintenance\":{\"machines\":[{}]}}",
            "{\"type\":\"STOP_MAINTENANCE\"}",
            "{\"type\":\"UPDATE_WEIGHTS\",\"update_weights\":{\"weight_infos\":[{\"role\":\"r\",\"weight\":-1}]}}",
            "{\"type\":\"UPDATE_WEIGHTS\",\"update_weights\":{\"weight_infos\":[{\"role\":\"..\",\"weight\":1}]}}",
            "{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"quota_configs\":[{\"role\":\"\",\"guarantees\":{\"cpus\":{\"value\":\"NaN\"}}}]}}",
            "{\"type\":\"RESERVE_RESOURCES\",\"reserve_resources\":{\"agent_id\":{\"value\":5}}}",
            "{\"type\":\"DRAIN_AGENT\",\"drain_agent\":{\"agent_id\":{\"value\":\"no-such-agent\"},\"max_grace_period\":{\"seconds\":-5}}}",
            "{\"type\":\"MARK_AGENT_GONE\",\"mark_agent_gone\":{}}")),
        Map.entry(Family.SCHEDULER, List.of(
            "{\"type\":\"SUBSCRIBE\"}",
            "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":5,\"name\":{}}}}",
            "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"u\",\"name\":\"n\",\"roles\":[\"..\"],\"capabilities\":[{\"type\":\"MULTI_ROLE\"}]}}}",
            "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"u\",\"name\":\"n\",\"role\":\"/bad\"}}}",
            "{\"type\":\"DECLINE\",\"framework_id\":{\"value\":\"nope\"},\"decline\":{\"offer_ids\":[{\"value\":\"x\"}],\"filters\":{\"refuse_seconds\":\"-Infinity\"}}}",
            "{\"type\":\"ACCEPT\",\"framework_id\":{\"value\":\"nope\"},\"accept\":{\"offer_ids\":[],\"operations\":[{\"type\":\"LAUNCH\"}]}}",
            "{\"type\":\"ACCEPT_INVERSE_OFFERS\",\"framework_id\":{\"value\":\"nope\"},\"accept_inverse_offers\":{\"inverse_offer_ids\":5}}",
            "{\"type\":\"TEARDOWN\",\"framework_id\":{\"value\":\"\"}}",
            "{\"type\":\"KILL\",\"framework_id\":{\"value\":\"nope\"},\"kill\":{\"task_id\":{\"value\":\"t\"},\"agent_id\":[]}}",
            "{\"type\":\"REVIVE\",\"framework_id\":{\"value\":\"nope\"},\"revive\":{\"roles\":[\"\\u0000\"]}}")),
        Map.entry(Family.SCHEDULE, List.of(
            "{\"windows\":\"x\"}",
            "{\"windows\":[{\"machine_ids\":\"x\"}]}",
            "{\"windows\":[{\"machine_ids\":[],\"unavailability\":{\"start\":{\"nanoseconds\":0}}}]}",
            "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"a\"}]}]}",
            "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"\",\"ip\":\"\"}],\"unavailability\":{\"start\":{\"nanoseconds\":1}}}]}",
            "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"a\",\"ip\":\"::1\"}],\"unavailability\":{\"start\":{\"nanoseconds\":1}}}]}",
            "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"a\"}],\"unavailability\":{\"start\":{\"nanoseconds\":9223372036854775808}}}]}",
            "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"a\"}],\"unavailability\":{\"start\":{\"nanoseconds\":\"soon\"}}}]}",
            "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"a\"}],\"unavailability\":{\"start\":{\"nanoseconds\":1},\"duration\":{\"nanoseconds\":-1}}}]}",
            "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"A\"},{\"hostname\":\"a\"}],\"unavailability\":{\"start\":{\"nanoseconds\":1}}}]}",
            "{\"windows\":[{\"machine_ids\":[{\"hostname\":{\"x\":1}}],\"unavailability\":{\"start\":{\"nanoseconds\":1}}}]}"
            // not {"windows":[null]}: Mesos's parser clears a repeated field on a null element, so that is
            // a valid empty schedule
            )),
        Map.entry(Family.MACHINES, List.of("[]", "[{}]", "[{\"hostname\":\"\",\"ip\":\"\"}]", "[{\"ip\":\"300.1.1.1\"}]",
            "[{\"hostname\":\"hostile-1\",\"ip\":\"10.0.0.1\"},{\"hostname\":\"HOSTILE-1\",\"ip\":\"10.0.0.1\"}]",
            "[{\"hostname\":\"never-scheduled\",\"ip\":\"10.9.9.9\"}]", "{\"hostname\":\"hostile-1\"}", "[null]", "[[]]",
            "[{\"hostname\":5}]")),
        Map.entry(Family.WEIGHTS, List.of("[{\"role\":\"r\",\"weight\":-1}]", "[{\"role\":\"r\",\"weight\":0}]",
            "[{\"role\":\"r\",\"weight\":\"heavy\"}]", "[{\"role\":\"..\",\"weight\":1}]", "[{\"weight\":1}]",
"{\"role\":\"r\",\"weight\":1}", "[{\"role\":\"r\"}]")),
        Map.entry(Family.QUOTA, List.of("{\"role\":\"..\",\"guarantee\":[]}", "{\"role\":\"r\",\"guarantee\":\"all\"}",
            "{\"role\":\"r\",\"guarantee\":[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":-1}}]}",
            "{\"role\":\"r\",\"guarantee\":[{\"name\":\"cpus\",\"type\":\"RANGES\",\"scalar\":{\"value\":1}}]}",
            "{\"guarantee\":[]}")),
        Map.entry(Family.RESERVE, List.of("slaveId=&resources=", "slaveId=nope&resources=%5B%5D",
            "slaveId=nope&resources=not-json", "slaveId=nope&resources=%5B%7B%22name%22%3A5%7D%5D",
            "slaveId=nope&volumes=%7B", "resources=%5B%5D")),
        Map.entry(Family.AGENT_PROTOCOL, List.of("{\"agentId\":5}", "{\"hostname\":\"\",\"ip\":\"\",\"resources\":[]}",
            "{\"hostname\":\"h\",\"ip\":\"x\",\"port\":-1,\"resources\":\"all\"}", "{\"updates\":[{\"taskId\":null}]}",
            "{\"agentId\":\"no-such-agent\"}", "{\"agentId\":\"no-such-agent\",\"updates\":[{\"state\":\"TASK_BOGUS\"}]}")),
        Map.entry(Family.AGENT_COMMAND, List.of("{\"taskId\":5}", "{\"command\":[]}", "{\"taskId\":\"t\",\"command\":{\"value\":5}}",
            "{\"taskId\":\"\",\"resources\":\"x\"}", "{\"gracePeriod\":-1}")),
        Map.entry(Family.ACLS, List.of("{\"permissive\":\"maybe\"}", "{\"register_frameworks\":5}",
            "{\"register_frameworks\":[{\"principals\":{\"values\":5},\"roles\":{\"type\":\"ANY\"}}]}",
            "{\"run_tasks\":[{\"principals\":{\"type\":\"SOMETIMES\"},\"users\":{\"type\":\"ANY\"}}]}",
            "{\"permissive\":true,\"get_endpoints\":[{}]}", "{\"permissive\":null,\"run_tasks\":\"x\"}")),
        Map.entry(Family.CREDENTIAL, List.of("{\"secret\":5}", "{\"secret\":null}", "{\"secret\":\"x\",\"other\":1}",
            "{\"secret\":[\"a\"]}", "{\"secret\":\"" + "s".repeat(5000) + "\"}", "{\"Secret\":\"abc\"}")),
        Map.entry(Family.TOKEN, List.of("grant_type=password&username=operator&password=x", "grant_type=",
            "grant_type=client_credentials&client_id=%00", "grant_type=client_credentials&scope=" + "s".repeat(5000))),
        Map.entry(Family.NONE, List.of("{\"type\":\"GET_STATE\"}")));

    static byte[] of(Random random, Family family) {
      int kind = random.nextInt(100);
      if (kind < 2) {
        return huge(random, 1_100_000 + random.nextInt(500_000)); // over the 1 MB limit
      }
      if (kind < 4) {
        return ("[".repeat(50_000)).getBytes(StandardCharsets.US_ASCII);
      }
      if (kind < 7) {
        byte[] bytes = new byte[1 + random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
      }
      if (kind < 9) {
        return huge(random, 200_000 + random.nextInt(600_000)); // large but under the limit
      }
      if (kind < 45) {
        // Mesos ignores unknown keys, so for a schedule any JSON object is a valid (empty) schedule
        List<String> generic = family == Family.SCHEDULE ? NOT_OBJECTS : GENERIC;
        return pick(random, generic).getBytes(StandardCharsets.UTF_8);
      }
      String typed = pick(random, TYPED.getOrDefault(family, GENERIC));
      if (random.nextInt(6) == 0 && typed.length() > 2) {
        typed = typed.substring(0, random.nextInt(typed.length())); // truncated
      }
      return typed.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] huge(Random random, int size) {
      StringBuilder text = new StringBuilder(size + 16).append("[\"");
      while (text.length() < size) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      return text.append("\"]").toString().getBytes(StandardCharsets.UTF_8);
    }
  }
}
