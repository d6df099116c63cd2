package io.drydock.master.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.Envelope;
import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.OfferEvent;
import io.drydock.events.Topics;
import io.drydock.events.Unavailability;
import io.drydock.master.FrameworkEvents;
import io.drydock.master.MasterIntegrationTest;
import io.drydock.master.MasterTestClient;
import io.drydock.master.TestAgent;
import io.drydock.support.kafka.EventCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /master/state}, {@code /slaves}, {@code /frameworks}, {@code /tasks} on the shared master: one agent,
 * one framework with a running task and an outstanding offer, then the machine DRAINING. The five resource
 * figures stay apart; {@code test-principal-2} may view no framework or task (test ACLs).
 */
@MasterIntegrationTest
class StateEndpointsTest {

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventCodec codec;
  @Autowired Environment env;

  MasterTestClient master;
  TestAgent agent;
  FrameworkEvents events;
  String hostname;
  String ip;

  @BeforeEach
  void setUp() {
    master = new MasterTestClient(port);
    agent = new TestAgent();
    String[] machine = MasterTestClient.uniqueMachine();
    hostname = machine[0];
    ip = machine[1];
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    agent.close();
    if (events != null) {
      events.close();
    }
  }

  @Test
  void stateShowsAgentsFrameworksTasksOffersAndMaintenanceWithSeparateResourceFigures() {
    String agentId = master.registerAgent(hostname, ip, agent.endpoint(), "cpus:4;mem:4096");
    String frameworkId = master.subscribe("state-" + UUID.randomUUID(), "[\"*\"]", "");
    events = new FrameworkEvents(env.getProperty("spring.kafka.bootstrap-servers"), Topics.framework(frameworkId),
        frameworkId);
    OfferEvent offer = awaitOffer(agentId, 0);
    launch(frameworkId, offer, "web-1");
    statusUpdate(agentId, frameworkId, "web-1", "TASK_RUNNING");
    awaitOffer(agentId, 1); // the rest of the agent is offered again

    JsonNode slave = await().atMost(Duration.ofSeconds(10)).until(() -> slave(get("/master/slaves"), agentId),
        s -> s != null && s.at("/resource_summary/offered/cpus").asDouble() == 3.0);
    assertThat(slave.get("hostname").asString()).isEqualTo(hostname);
    assertThat(slave.get("ip").asString()).isEqualTo(ip);
    assertThat(slave.at("/resource_summary/total/cpus").asDouble()).isEqualTo(4.0);
    assertThat(slave.at("/resource_summary/allocated/cpus").asDouble()).isEqualTo(1.0);
    assertThat(slave.at("/resource_summary/allocated/mem").asDouble()).isEqualTo(128.0);
    assertThat(slave.at("/resource_summary/idle").has("cpus")).as("nothing idle: the rest is offered").isFalse();
    assertThat(slave.at("/resource_summary/reserved").isEmpty()).isTrue();
    assertThat(slave.at("/used_resources/cpus").asDouble()).isEqualTo(1.0);
    assertThat(slave.at("/offered_resources/cpus").asDouble()).isEqualTo(3.0);
    assertThat(slave.at("/unreserved_resources/cpus").asDouble()).isEqualTo(4.0);
    assertThat(slave.at("/machine/mode").asString()).isEqualTo("UP");
    assertThat(slave.at("/machine/id/hostname").asString()).isEqualTo(hostname);

    JsonNode state = get("/master/state");
    assertThat(state.get("activated_slaves").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(state.at("/resource_summary/total/cpus").asDouble()).isGreaterThanOrEqualTo(4.0);
    assertThat(slave(state, agentId)).isNotNull();
    JsonNode framework = byId(state.get("frameworks"), frameworkId);
    assertThat(framework.get("user").asString()).isEqualTo("test");
    assertThat(framework.get("active").asBoolean()).isTrue();
    assertThat(framework.at("/used_resources/cpus").asDouble()).isEqualTo(1.0);
    assertThat(framework.at("/offered_resources/cpus").asDouble()).as("other tests' agents are offered too")
        .isGreaterThanOrEqualTo(3.0);
    assertThat(framework.get("dominant_share").asDouble()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    JsonNode task = byId(framework.get("tasks"), "web-1");
    assertThat(task.get("state").asString()).isEqualTo("TASK_RUNNING");
    assertThat(task.get("slave_id").asString()).isEqualTo(agentId);
    assertThat(task.get("hostname").asString()).isEqualTo(hostname);
    assertThat(task.at("/resources/cpus").asDouble()).isEqualTo(1.0);
    JsonNode outstanding = StreamSupport.stream(framework.get("offers").spliterator(), false)
        .filter(o -> o.get("slave_id").asString().equals(agentId)).findFirst().orElseThrow();
    assertThat(outstanding.at("/resources/cpus").asDouble()).isEqualTo(3.0);
    assertThat(outstanding.get("hostname").asString()).isEqualTo(hostname);
    assertThat(outstanding.at("/allocation_info/role").asString()).isEqualTo("*");

    assertThat(get("/frameworks?framework_id=" + frameworkId).get("frameworks")).hasSize(1);
    assertThat(get("/slaves?slave_id=" + agentId).get("slaves")).hasSize(1);
    JsonNode tasks = get("/master/tasks?framework_id=" + frameworkId).get("tasks");
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("id").asString()).isEqualTo("web-1");
    assertThat(get("/tasks?framework_id=" + frameworkId + "&offset=1").get("tasks")).isEmpty();

    long start = Instant.now().plus(Duration.ofHours(1)).toEpochMilli() * 1_000_000L;
    machineState(MachineMode.UP, MachineMode.DRAINING, new Unavailability(start, Duration.ofHours(2).toNanos()));
    JsonNode draining = await().atMost(Duration.ofSeconds(20)).until(() -> slave(get("/master/state"), agentId),
        s -> "DRAINING".equals(s.at("/machine/mode").asString()));
    assertThat(draining.at("/machine/unavailability/start/nanoseconds").asLong()).isEqualTo(start);
    assertThat(draining.at("/machine/unavailability/duration/nanoseconds").asLong())
        .isEqualTo(Duration.ofHours(2).toNanos());
    JsonNode machines = get("/master/state").at("/maintenance/machines");
    assertThat(StreamSupport.stream(machines.spliterator(), false)
        .anyMatch(m -> m.at("/id/ip").asString().equals(ip) && m.get("mode").asString().equals("DRAINING")))
        .isTrue();
    JsonNode inverse = await().atMost(Duration.ofSeconds(20)).until(
        () -> StreamSupport.stream(byId(get("/master/frameworks").get("frameworks"), frameworkId)
            .get("inverse_offers").spliterator(), false)
            .filter(o -> o.get("slave_id").asString().equals(agentId)).findFirst().orElse(null),
        o -> o != null);
    assertThat(inverse.at("/machine_id/ip").asString()).isEqualTo(ip);
    assertThat(inverse.at("/unavailability/start/nanoseconds").asLong()).isEqualTo(start);
  }

  @Test
  void frameworksAndTasksAreFilteredByViewAcls() {
    String agentId = master.registerAgent(hostname, ip, agent.endpoint(), "cpus:2;mem:1024");
    String frameworkId = master.subscribe("hidden-" + UUID.randomUUID(), "[\"*\"]", "");
    assertThat(byId(get("/master/frameworks").get("frameworks"), frameworkId)).isNotNull();

    JsonNode asOther = get("/master/state", "test-principal-2", "test-secret-2");
    assertThat(asOther.get("frameworks")).as("view_frameworks denies every user to test-principal-2").isEmpty();
    assertThat(get("/master/tasks", "test-principal-2", "test-secret-2").get("tasks")).isEmpty();
    assertThat(slave(asOther, agentId)).as("agents are not filtered").isNotNull();
  }

  @Test
  void readEndpointsAreInTheReadOnlyRealmAndAnswerLikeMesos() {
    for (String path : List.of("/state", "/master/state", "/slaves", "/master/slaves", "/frameworks",
        "/master/frameworks", "/tasks", "/master/tasks")) {
      HttpResponse<String> anonymous = send("GET", path, null, null);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .contains("Basic realm=\"mesos-master-readonly\"");
      assertThat(send("POST", path, "test-principal", "test-secret").statusCode()).as(path).isEqualTo(200);
      HttpResponse<String> put = send("PUT", path, "test-principal", "test-secret");
      assertThat(put.statusCode()).isEqualTo(405);
      assertThat(put.body()).isEqualTo("405 Method Not Allowed. Expecting one of { 'GET', 'POST' }, but received 'PUT'.");
    }
    HttpResponse<String> badLimit = send("GET", "/master/tasks?limit=many", "test-principal", "test-secret");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(badLimit.body()).contains("Failed to parse query parameter 'limit'");
    assertThat(send("GET", "/master/tasks?order=up", "test-principal", "test-secret").statusCode()).isEqualTo(400);
    HttpResponse<String> jsonp = send("GET", "/master/state?jsonp=cb", "test-principal", "test-secret");
    assertThat(jsonp.body()).startsWith("cb({").endsWith(");");
    assertThat(send("GET", "/console/", null, null).statusCode()).as("the console's page is open")
        .isNotEqualTo(401);
  }

  @Test
  void operatorChangesNeedAnOperator() {
    HttpResponse<String> r = send("GET", "/master/audit/operator", "test-principal", "test-secret");
    assertThat(r.statusCode()).as("no operators are configured in these tests").isEqualTo(403);
    assertThat(send("GET", "/master/audit/operator", null, null).statusCode()).isEqualTo(401);
  }

  // ---- helpers ------------------------------------------------------------------------------

  OfferEvent awaitOffer(String agentId, int index) {
    await().atMost(Duration.ofSeconds(20)).until(() -> offersOn(agentId).size() > index);
    return offersOn(agentId).get(index);
  }

  List<OfferEvent> offersOn(String agentId) {
    return events.of(OfferEvent.class).stream().filter(o -> o.agentId().equals(agentId)).toList();
  }

  void launch(String frameworkId, OfferEvent offer, String taskId) {
    HttpResponse<String> r = master.scheduler("""
        {"framework_id":{"value":"%s"},"type":"ACCEPT","accept":{"offer_ids":[{"value":"%s"}],
         "operations":[{"type":"LAUNCH","launch":{"task_infos":[{"name":"web","task_id":{"value":"%s"},
           "agent_id":{"value":"%s"},"command":{"value":"sleep 100"},
           "resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":1}},
                        {"name":"mem","type":"SCALAR","scalar":{"value":128}}]}]}}],
         "filters":{"refuse_seconds":0}}}""".formatted(frameworkId, offer.offerId(), taskId, offer.agentId()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  void statusUpdate(String agentId, String frameworkId, String taskId, String state) {
    HttpResponse<String> r = master.post("/agent/v1/status-updates", """
        {"agentId":"%s","updates":[{"frameworkId":"%s","taskId":"%s","state":"%s","statusUuid":"%s",
          "timestamp":"%s"}]}""".formatted(agentId, frameworkId, taskId, state, UUID.randomUUID(), Instant.now()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  void machineState(MachineMode previous, MachineMode mode, Unavailability unavailability) {
    MachineId machine = new MachineId(hostname.toLowerCase(), ip);
    MachineStateChanged change = new MachineStateChanged(machine, previous, mode, unavailability, 1, "ops", null);
    kafka.send(Topics.MACHINE_STATE, machine.key(), codec.write(Envelope.of(change, Instant.now()))).join();
  }

  static JsonNode slave(JsonNode body, String agentId) {
    return byId(body.get("slaves"), agentId);
  }

  static JsonNode byId(JsonNode list, String id) {
    for (JsonNode n : list) {
      if (id.equals(n.get("id").asString())) {
        return n;
      }
    }
    return null;
  }

  JsonNode get(String path) {
    return get(path, "test-principal", "test-secret");
  }

  JsonNode get(String path, String principal, String secret) {
    HttpResponse<String> r = send("GET", path, principal, secret);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return MasterTestClient.JSON.readTree(r.body());
  }

  HttpResponse<String> send(String method, String path, String principal, String secret) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (principal != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((principal + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
