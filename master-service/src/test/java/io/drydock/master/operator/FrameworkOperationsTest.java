package io.drydock.master.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.OfferEvent;
import io.drydock.events.Resource;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.events.Topics;
import io.drydock.master.FrameworkEvents;
import io.drydock.master.MasterIntegrationTest;
import io.drydock.master.MasterTestClient;
import io.drydock.master.TestAgent;
import io.drydock.master.operation.OperatorAudit;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * RESERVE, CREATE, LAUNCH, DESTROY and UNRESERVE inside a framework's ACCEPT (Mesos's
 * reservation_tests / persistent_volume_tests, framework side): applied in order against the offer,
 * stored and audited like the operator's, and dropped — with the reason in the 202 — when invalid or
 * unauthorized, while the rest of the ACCEPT goes on.
 */
@MasterIntegrationTest
class FrameworkOperationsTest {

  @LocalServerPort int port;
  @Autowired Environment env;
  @Autowired OperatorAudit audit;

  OperatorClient ops;
  OperatorClient other;
  MasterTestClient master;
  TestAgent agent;
  List<FrameworkEvents> consumers = new ArrayList<>();
  String role;
  String agentId;

  @BeforeEach
  void setUp() {
    ops = OperatorClient.operator(port);
    other = OperatorClient.other(port);
    master = new MasterTestClient(port);
    agent = new TestAgent();
    role = "r" + UUID.randomUUID().toString().substring(0, 8);
    String[] machine = MasterTestClient.uniqueMachine();
    agentId = master.registerAgent(machine[0], machine[1], agent.endpoint(), "cpus:2;mem:512;disk:1024");
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    agent.close();
    for (FrameworkEvents c : consumers) {
      c.close();
    }
  }

  /** A framework of {@link #role} subscribed as the client's principal, with its events. */
  record Framework(String id, FrameworkEvents events, OperatorClient client) {}

  Framework subscribe(OperatorClient client, String principal) {
    HttpResponse<String> r = client.post("/api/v1/scheduler", """
        {"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"test","name":"fw-%s","principal":"%s",
         "roles":["%s"],"capabilities":[{"type":"MULTI_ROLE"}]}}}""".formatted(role, principal, role));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String id = OperatorClient.json(r).get("subscribed").get("framework_id").get("value").asString();
    FrameworkEvents events = new FrameworkEvents(env.getProperty("spring.kafka.bootstrap-servers"),
        Topics.framework(id), id);
    consumers.add(events);
    return new Framework(id, events, client);
  }

  OfferEvent awaitOffer(Framework fw, Predicate<OfferEvent> matching) {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(fw.events().of(OfferEvent.class))
        .as("offers so far").anyMatch(o -> o.agentId().equals(agentId) && matching.test(o)));
    List<OfferEvent> offers = fw.events().of(OfferEvent.class).stream()
        .filter(o -> o.agentId().equals(agentId) && matching.test(o)).toList();
    return offers.get(offers.size() - 1);
  }

  HttpResponse<String> accept(Framework fw, OfferEvent offer, String... operations) {
    return accept(fw, List.of(offer), operations);
  }

  HttpResponse<String> accept(Framework fw, List<OfferEvent> offers, String... operations) {
    String ids = String.join(",", offers.stream().map(o -> "{\"value\":\"" + o.offerId() + "\"}").toList());
    return fw.client().post("/api/v1/scheduler", """
        {"framework_id":{"value":"%s"},"type":"ACCEPT","accept":{"offer_ids":[%s],
         "operations":[%s],"filters":{"refuse_seconds":0}}}"""
        .formatted(fw.id(), ids, String.join(",", operations)));
  }

  String scalar(String name, double value, String reservation) {
    return "{\"name\":\"" + name + "\",\"type\":\"SCALAR\",\"scalar\":{\"value\":" + value + "}"
        + (reservation == null ? "" : ",\"reservations\":[" + reservation + "]") + "}";
  }

  String dynamic(String forRole, String principal) {
    return "{\"type\":\"DYNAMIC\",\"role\":\"" + forRole + "\",\"principal\":\"" + principal + "\"}";
  }

  String volume(String id, double size) {
    return "{\"name\":\"disk\",\"type\":\"SCALAR\",\"scalar\":{\"value\":" + size + "},\"reservations\":["
        + dynamic(role, "test-principal") + "],\"disk\":{\"persistence\":{\"id\":\"" + id
        + "\",\"principal\":\"test-principal\"},\"volume\":{\"container_path\":\"data\",\"mode\":\"RW\"}}}";
  }

  static String op(String type, String field, String... resources) {
    String lower = type.toLowerCase();
    return "{\"type\":\"" + type + "\",\"" + lower + "\":{\"" + field + "\":[" + String.join(",", resources) + "]}}";
  }

  String launch(String taskId, String... resources) {
    return """
        {"type":"LAUNCH","launch":{"task_infos":[{"name":"t","task_id":{"value":"%s"},"agent_id":{"value":"%s"},
         "command":{"value":"sleep 100"},"resources":[%s]}]}}"""
        .formatted(taskId, agentId, String.join(",", resources));
  }

  static boolean hasVolume(OfferEvent offer, String persistenceId) {
    return offer.resources().stream().anyMatch(r -> r.volume() != null
        && r.volume().persistenceId().equals(persistenceId));
  }

  static boolean hasReserved(OfferEvent offer, String name, double value) {
    return offer.resources().stream().anyMatch(r -> r.name().equals(name) && r.volume() == null
        && r.reservations() != null && !r.reservations().isEmpty() && r.scalar() == value);
  }

  void finished(String frameworkId, String taskId) {
    HttpResponse<String> r = master.post("/agent/v1/status-updates", """
        {"agentId":"%s","updates":[{"frameworkId":"%s","taskId":"%s","state":"TASK_FINISHED","statusUuid":"%s",
          "timestamp":"%s"}]}""".formatted(agentId, frameworkId, taskId, UUID.randomUUID(), Instant.now()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void reserveCreateAndLaunchInOneAcceptThenTheVolumeOutlivesItsTaskAndIsDestroyedAndUnreserved() {
    Framework fw = subscribe(ops, "test-principal");
    OfferEvent offer = awaitOffer(fw, o -> true);
    String reservedCpus = scalar("cpus", 1, dynamic(role, "test-principal"));
    String reservedDisk = scalar("disk", 512, dynamic(role, "test-principal"));

    HttpResponse<String> r = accept(fw, offer,
        op("RESERVE", "resources", reservedCpus, reservedDisk),
        op("CREATE", "volumes", volume("vol-1", 256)),
        launch("task-1", reservedCpus, volume("vol-1", 256)));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(r.body()).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.received("/launch").isEmpty());
    assertThat(agent.received("/launch").get(0).body()).contains("task-1");
    assertThat(ops.role(role).get("reserved").toString()).isEqualTo("{\"cpus\":1.0,\"disk\":512.0}");
    assertThat(audit.latest(50)).filteredOn(c -> c.object().equals(agentId))
        .extracting(c -> c.action() + " by " + c.principal())
        .contains("RESERVE by test-principal", "CREATE_VOLUMES by test-principal");
    // what the task does not use of the reservation comes back to the role (the offer is kept outstanding)
    OfferEvent rest = awaitOffer(fw, o -> hasReserved(o, "disk", 256) && !hasVolume(o, "vol-1"));

    finished(fw.id(), "task-1");
    OfferEvent back = awaitOffer(fw, o -> hasVolume(o, "vol-1") && hasReserved(o, "cpus", 1));
    Resource vol = back.resources().stream().filter(x -> x.volume() != null).findFirst().orElseThrow();
    assertThat(vol.scalar()).isEqualTo(256.0);
    assertThat(vol.reservations()).singleElement().satisfies(res -> assertThat(res.role()).isEqualTo(role));

    r = accept(fw, List.of(back, rest), op("DESTROY", "volumes", volume("vol-1", 256)),
        op("UNRESERVE", "resources", reservedCpus, reservedDisk));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(r.body()).isEmpty();
    assertThat(ops.role(role).get("reserved")).satisfiesAnyOf(
        x -> assertThat(x).isNull(), x -> assertThat(x.toString()).isEqualTo("{}"));
    assertThat(audit.latest(50)).filteredOn(c -> c.object().equals(agentId)).extracting(c -> c.action())
        .contains("DESTROY_VOLUMES", "UNRESERVE");
    JsonNode slave = slave();
    assertThat(slave.path("reserved_resources_full").toString()).doesNotContain(role);
  }

  @Test
  void invalidAndUnauthorizedOperationsAreDroppedWithTheirReasonAndTheRestOfTheAcceptApplies() {
    Framework denied = subscribe(other, "test-principal-2");
    OfferEvent offer = awaitOffer(denied, o -> true);

    HttpResponse<String> r = accept(denied, offer,
        op("RESERVE", "resources", scalar("cpus", 1, dynamic(role, "test-principal-2"))),
        launch("task-2", scalar("cpus", 1, null)));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode dropped = OperatorClient.json(r).get("dropped_operations");
    assertThat(dropped).hasSize(1);
    assertThat(dropped.get(0).get("index").asInt()).isZero();
    assertThat(dropped.get(0).get("type").asString()).isEqualTo("RESERVE");
    assertThat(dropped.get(0).get("message").asString())
        .isEqualTo("Not authorized to reserve resources as 'test-principal-2'");
    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.received("/launch").isEmpty());
    assertThat(agent.received("/launch").get(0).body()).contains("task-2");
    assertThat(ops.role(role).get("reserved").toString()).isEqualTo("{}");
  }

  @Test
  void operationsMesosRefusesAreDroppedAndATaskNeedingTheirResourcesFails() {
    Framework fw = subscribe(ops, "test-principal");
    OfferEvent offer = awaitOffer(fw, o -> true);

    HttpResponse<String> r = accept(fw, offer,
        op("RESERVE", "resources", scalar("cpus", 1, dynamic(role, "someone"))),
        op("RESERVE", "resources", scalar("cpus", 1, dynamic("elsewhere", "test-principal"))),
        op("UNRESERVE", "resources", scalar("cpus", 1, null)),
        op("CREATE", "volumes", volume("vol-2", 64)),
        op("RESERVE", "resources", scalar("cpus", 5, dynamic(role, "test-principal"))),
        launch("task-3", scalar("cpus", 1, dynamic(role, "test-principal"))));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    List<String> messages = new ArrayList<>();
    OperatorClient.json(r).get("dropped_operations").forEach(d -> messages.add(d.get("index").asInt() + " "
        + d.get("message").asString()));
    assertThat(messages).hasSize(5);
    assertThat(messages.get(0)).startsWith("0 Invalid RESERVE operation: A reserve operation was attempted by "
        + "authenticated principal 'test-principal', which does not match a reserved resource in the request "
        + "with principal 'someone'");
    assertThat(messages.get(1)).isEqualTo("1 Invalid RESERVE operation: A reserve operation was attempted for a "
        + "resource allocated to role '" + role + "', but the reservation is for role 'elsewhere'");
    assertThat(messages.get(2)).startsWith("2 Invalid UNRESERVE operation: Resource ")
        .endsWith(" is not dynamically reserved");
    assertThat(messages.get(3)).startsWith("3 Invalid CREATE Operation: ").contains(" does not contain ");
    assertThat(messages.get(4)).startsWith("4 Invalid RESERVE Operation: ").contains(" does not contain ");
    await().atMost(Duration.ofSeconds(10)).until(() -> fw.events().of(TaskStatusUpdate.class).stream()
        .anyMatch(u -> u.taskId().equals("task-3")));
    TaskStatusUpdate update = fw.events().of(TaskStatusUpdate.class).stream()
        .filter(u -> u.taskId().equals("task-3")).findFirst().orElseThrow();
    assertThat(update.state()).isEqualTo(TaskState.TASK_ERROR);
    assertThat(agent.received("/launch")).isEmpty();
    assertThat(ops.role(role).get("reserved").toString()).isEqualTo("{}");
    assertThat(audit.latest(50)).noneMatch(c -> c.object().equals(agentId));
  }

  JsonNode slave() {
    for (JsonNode s : OperatorClient.json(ops.get("/master/slaves")).get("slaves")) {
      if (s.get("id").asString().equals(agentId)) {
        return s;
      }
    }
    throw new AssertionError("agent " + agentId + " not in /master/slaves");
  }
}
