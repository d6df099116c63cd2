package io.drydock.master.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.OfferEvent;
import io.drydock.events.Topics;
import io.drydock.master.FrameworkEvents;
import io.drydock.master.MasterIntegrationTest;
import io.drydock.master.MasterTestClient;
import io.drydock.master.TestAgent;
import io.drydock.master.operation.OperatorAudit;
import io.drydock.master.operation.OperatorChange;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Mirrors Mesos's reservation_endpoints_tests and persistent_volume_endpoints_tests (spec §5.3, §6) over
 * HTTP: each test has its own agent and role on the shared master.
 */
@MasterIntegrationTest
class ReservationVolumeEndpointsTest {

  @LocalServerPort int port;
  @Autowired Environment env;
  @Autowired OperatorAudit audit;

  OperatorClient ops;
  OperatorClient other;
  MasterTestClient master;
  TestAgent agent;
  FrameworkEvents events;
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
    if (events != null) {
      events.close();
    }
  }

  String reserved(String name, double value, String principal, String labels) {
    return "{\"name\":\"" + name + "\",\"type\":\"SCALAR\",\"scalar\":{\"value\":" + value + "},"
        + "\"reservations\":[{\"type\":\"DYNAMIC\",\"role\":\"" + role + "\""
        + (principal == null ? "" : ",\"principal\":\"" + principal + "\"") + (labels == null ? "" : "," + labels)
        + "}]}";
  }

  String volume(String id, double size) {
    return "{\"name\":\"disk\",\"type\":\"SCALAR\",\"scalar\":{\"value\":" + size + "},\"reservations\":"
        + "[{\"type\":\"DYNAMIC\",\"role\":\"" + role + "\",\"principal\":\"test-principal\"}],"
        + "\"disk\":{\"persistence\":{\"id\":\"" + id + "\",\"principal\":\"test-principal\"},"
        + "\"volume\":{\"container_path\":\"path1\",\"mode\":\"RW\"}}}";
  }

  List<OfferEvent> offersOn(String agent) {
    return events.of(OfferEvent.class).stream().filter(o -> o.agentId().equals(agent)).toList();
  }

  String subscribe() {
    String id = master.subscribe("fw-" + role, "[\"" + role + "\"]", "");
    events = new FrameworkEvents(env.getProperty("spring.kafka.bootstrap-servers"), Topics.framework(id), id);
    return id;
  }

  @Test
  void reserveForARoleNobodyUsesThenAFrameworkOfThatRoleIsOfferedExactlyIt() {
    HttpResponse<String> r = ops.form("/reserve", agentId, "resources", "[" + reserved("cpus", 1, "test-principal",
        "\"labels\":{\"labels\":[{\"key\":\"team\",\"value\":\"ads\"}]}") + "]");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(ops.role(role).get("reserved").toString()).isEqualTo("{\"cpus\":1.0}");

    subscribe();
    await().atMost(Duration.ofSeconds(20)).until(() -> offersOn(agentId).stream().anyMatch(o -> o.role()
        .equals(role)));
    OfferEvent offer = offersOn(agentId).stream().filter(o -> o.role().equals(role)).findFirst().orElseThrow();
    assertThat(offer.resources()).anySatisfy(x -> {
      assertThat(x.name()).isEqualTo("cpus");
      assertThat(x.scalar()).isEqualTo(1.0);
      assertThat(x.reservations()).singleElement().satisfies(res -> {
        assertThat(res.role()).isEqualTo(role);
        assertThat(res.principal()).isEqualTo("test-principal");
        assertThat(res.labels()).containsEntry("team", "ads");
      });
    });
    List<OperatorChange> changes = audit.latest(50);
    assertThat(changes).anySatisfy(c -> {
      assertThat(c.action()).isEqualTo("RESERVE");
      assertThat(c.object()).isEqualTo(agentId);
      assertThat(c.principal()).isEqualTo("test-principal");
      assertThat(c.at()).isBefore(Instant.now().plusSeconds(1));
    });
  }

  @Test
  void anAgentMayRegisterStaticReservationsOnlyWhenItsPrincipalMayReserveForTheRole() {
    String[] machine = MasterTestClient.uniqueMachine();
    String body = "{\"hostname\":\"" + machine[0] + "\",\"ip\":\"" + machine[1] + "\",\"endpoint\":\""
        + agent.endpoint() + "\",\"resources\":\"cpus(" + role + "):1;mem:64\"}";

    HttpResponse<String> denied = master.post("/agent/v1/register", body, "test-principal-2", "test-secret-2",
        "application/json");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).isEqualTo("Not authorized to statically reserve resources for role '" + role
        + "' as 'test-principal-2'");
    assertThat(ops.get("/master/slaves").body()).doesNotContain(machine[0]);

    HttpResponse<String> allowed = master.post("/agent/v1/register", body);
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
    assertThat(ops.role(role).get("reserved").toString()).isEqualTo("{\"cpus\":1.0}");
  }

  @Test
  void reserveAndUnreserveWithMesosRefusals() {
    String cpus = "[" + reserved("cpus", 1, "test-principal", null) + "]";
    assertThat(ops.send("GET", "/reserve", null, null).statusCode()).isEqualTo(405);
    assertThat(ops.send("POST", "/reserve", "resources=[]", "application/x-www-form-urlencoded").body())
        .isEqualTo("Missing 'slaveId' query parameter in the request body");
    assertThat(ops.send("POST", "/reserve", "slaveId=" + agentId, "application/x-www-form-urlencoded").body())
        .isEqualTo("Missing 'resources' query parameter in the request body");
    assertThat(ops.form("/reserve", agentId, "resources", "{").body())
        .startsWith("Error parsing 'resources' query parameter in the request body: ");
    assertThat(ops.form("/reserve", "no-such-agent", "resources", cpus).body())
        .isEqualTo("No agent found with specified ID");
    assertThat(ops.form("/reserve", agentId, "resources", "[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":"
        + "{\"value\":1},\"reservations\":[{\"type\":\"DYNAMIC\",\"role\":\"*\"}]}]").body())
        .isEqualTo("Invalid reservation: role \"*\" cannot be reserved");
    assertThat(ops.form("/reserve", agentId, "resources", "[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":"
        + "{\"value\":1}}]").body()).startsWith("Invalid RESERVE operation on agent " + agentId)
        .endsWith("is not dynamically reserved");
    assertThat(ops.form("/reserve", agentId, "resources", "[" + reserved("cpus", 1, null, null) + "]").body())
        .endsWith("A reserve operation was attempted by principal 'test-principal', but there is a reserved "
            + "resource in the request with no principal set");
    assertThat(ops.form("/reserve", agentId, "resources", "[" + reserved("cpus", 1, "someone", null) + "]")
        .body()).endsWith("A reserve operation was attempted by authenticated principal 'test-principal', which "
            + "does not match a reserved resource in the request with principal 'someone'");
    assertThat(other.form("/reserve", agentId, "resources", "[" + reserved("cpus", 1, "test-principal-2", null)
        + "]").statusCode()).isEqualTo(403);
    assertThat(ops.form("/reserve", agentId, "resources", "[" + reserved("cpus", 3, "test-principal", null) + "]")
        .statusCode()).isEqualTo(409);

    assertThat(ops.form("/reserve", agentId, "resources", cpus).statusCode()).isEqualTo(202);
    assertThat(ops.form("/reserve", agentId, "resources", cpus).statusCode()).isEqualTo(202);
    assertThat(ops.role(role).get("reserved").toString()).isEqualTo("{\"cpus\":2.0}");
    assertThat(other.form("/unreserve", agentId, "resources", cpus).statusCode()).isEqualTo(403);
    assertThat(ops.form("/unreserve", agentId, "resources", "[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":"
        + "{\"value\":1}}]").body()).startsWith("Invalid UNRESERVE operation: Resource ")
        .endsWith(" is not dynamically reserved");
    assertThat(ops.form("/unreserve", agentId, "resources", cpus).statusCode()).isEqualTo(202);
    assertThat(ops.role(role).get("reserved").toString()).isEqualTo("{\"cpus\":1.0}");
    assertThat(ops.form("/unreserve", agentId, "resources", "[" + reserved("cpus", 2, "test-principal", null)
        + "]").statusCode()).isEqualTo(409);
    assertThat(ops.form("/master/unreserve", agentId, "resources", cpus).statusCode()).isEqualTo(202);
    assertThat(ops.role(role)).isNull();
  }

  @Test
  void createAndDestroyVolumesWithMesosRefusals() {
    String disk = "[" + reserved("disk", 512, "test-principal", null) + "]";
    assertThat(ops.form("/create-volumes", agentId, "volumes", "[" + volume("id1", 512) + "]").statusCode())
        .as("no reserved disk yet").isEqualTo(409);
    assertThat(ops.form("/reserve", agentId, "resources", disk).statusCode()).isEqualTo(202);
    assertThat(ops.send("POST", "/create-volumes", "slaveId=" + agentId, "application/x-www-form-urlencoded")
        .body()).isEqualTo("Missing 'volumes' query parameter in the request body");
    assertThat(ops.form("/create-volumes", agentId, "volumes", "[{\"name\":\"disk\",\"type\":\"SCALAR\","
        + "\"scalar\":{\"value\":1},\"disk\":{\"persistence\":{\"id\":\"x\"},\"volume\":{\"container_path\":\"p\","
        + "\"mode\":\"RW\"}}}]").body()).isEqualTo("Persistent volumes cannot be created from unreserved resources");
    assertThat(other.form("/create-volumes", agentId, "volumes", "[" + volume("id1", 512) + "]").statusCode())
        .isEqualTo(400);
    assertThat(ops.form("/create-volumes", agentId, "volumes", "[" + volume("id1", 512) + "]").statusCode())
        .isEqualTo(202);
    assertThat(ops.form("/create-volumes", agentId, "volumes", "[" + volume("id1", 512) + "]").body())
        .endsWith("Persistence ID 'id1' is not unique");
    assertThat(ops.form("/unreserve", agentId, "resources", disk).statusCode()).as("disk used by a volume")
        .isEqualTo(409);
    assertThat(other.form("/destroy-volumes", agentId, "volumes", "[" + volume("id1", 512) + "]").statusCode())
        .isEqualTo(403);
    assertThat(ops.form("/destroy-volumes", agentId, "volumes", "[" + volume("id2", 512) + "]").body())
        .isEqualTo("Invalid DESTROY operation: Persistent volumes not found");
    assertThat(ops.form("/destroy-volumes", agentId, "volumes", "[" + volume("id1", 512).replace("path1", "other")
        + "]").statusCode()).isEqualTo(202);
    assertThat(ops.form("/unreserve", agentId, "resources", disk).statusCode()).isEqualTo(202);
  }

  @Test
  void volumeIsOfferedToItsRoleAndSurvivesTheTaskThatUsedIt() {
    ops.form("/reserve", agentId, "resources", "[" + reserved("disk", 256, "test-principal", null) + "]");
    assertThat(ops.form("/create-volumes", agentId, "volumes", "[" + volume("data", 256) + "]").statusCode())
        .isEqualTo(202);
    String fw = subscribe();
    await().atMost(Duration.ofSeconds(20)).until(() -> offersOn(agentId).stream().anyMatch(o -> o.resources()
        .stream().anyMatch(r -> r.volume() != null)));
    OfferEvent offer = offersOn(agentId).stream().filter(o -> o.resources().stream().anyMatch(r -> r.volume()
        != null)).findFirst().orElseThrow();
    assertThat(offer.role()).isEqualTo(role);
    HttpResponse<String> launch = master.scheduler("""
        {"framework_id":{"value":"%s"},"type":"ACCEPT","accept":{"offer_ids":[{"value":"%s"}],
         "operations":[{"type":"LAUNCH","launch":{"task_infos":[{"name":"db","task_id":{"value":"db-1"},
           "agent_id":{"value":"%s"},"command":{"value":"sleep 100"},
           "resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.5}},%s]}]}}],
         "filters":{"refuse_seconds":0}}}""".formatted(fw, offer.offerId(), agentId, volume("data", 256)));
    assertThat(launch.statusCode()).as(launch.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.received("/launch").isEmpty());
    HttpResponse<String> finished = master.post("/agent/v1/status-updates", """
        {"agentId":"%s","updates":[{"frameworkId":"%s","taskId":"db-1","state":"TASK_FINISHED","statusUuid":"%s",
          "timestamp":"%s"}]}""".formatted(agentId, fw, UUID.randomUUID(), Instant.now()));
    assertThat(finished.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> offersOn(agentId).stream()
        .filter(o -> !o.offerId().equals(offer.offerId()))
        .anyMatch(o -> o.resources().stream().anyMatch(r -> r.volume() != null
            && r.volume().persistenceId().equals("data"))));
  }

  @Test
  void v1ReserveCreateDestroyUnreserve() {
    String agent = "\"agent_id\":{\"value\":\"" + agentId + "\"}";
    assertThat(ops.v1("{\"type\":\"RESERVE_RESOURCES\",\"reserve_resources\":{" + agent + ",\"resources\":["
        + reserved("disk", 100, "test-principal", null) + "]}}").statusCode()).isEqualTo(202);
    assertThat(ops.v1("{\"type\":\"CREATE_VOLUMES\",\"create_volumes\":{" + agent + ",\"volumes\":["
        + volume("v1", 100) + "]}}").statusCode()).isEqualTo(202);
    assertThat(ops.role(role).get("reserved").toString()).isEqualTo("{\"disk\":100.0}");
    assertThat(ops.v1("{\"type\":\"DESTROY_VOLUMES\",\"destroy_volumes\":{" + agent + ",\"volumes\":["
        + volume("v1", 100) + "]}}").statusCode()).isEqualTo(202);
    assertThat(ops.v1("{\"type\":\"UNRESERVE_RESOURCES\",\"unreserve_resources\":{" + agent + ",\"resources\":["
        + reserved("disk", 100, "test-principal", null) + "]}}").statusCode()).isEqualTo(202);
    assertThat(ops.v1("{\"type\":\"RESERVE_RESOURCES\"}").body())
        .isEqualTo("Failed to validate master::Call: Expecting 'reserve_resources' to be present");
  }
}
