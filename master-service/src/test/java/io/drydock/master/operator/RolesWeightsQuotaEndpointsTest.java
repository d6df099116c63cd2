package io.drydock.master.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.OfferEvent;
import io.drydock.events.OfferRescinded;
import io.drydock.events.Topics;
import io.drydock.master.FrameworkEvents;
import io.drydock.master.MasterIntegrationTest;
import io.drydock.master.MasterTestClient;
import io.drydock.master.TestAgent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Mirrors Mesos's role_tests, dynamic_weights_tests and master_quota_tests (spec §2–§4) over HTTP, on the
 * shared master: roles are unique per test so the shared cluster is not disturbed, quotas are removed.
 */
@MasterIntegrationTest
class RolesWeightsQuotaEndpointsTest {

  @LocalServerPort int port;
  @Autowired Environment env;
  OperatorClient ops;
  OperatorClient other;
  String role;

  @BeforeEach
  void setUp() {
    ops = OperatorClient.operator(port);
    other = OperatorClient.other(port);
    role = "r" + UUID.randomUUID().toString().substring(0, 8);
  }

  // ---- weights (dynamic_weights_tests) -----------------------------------------------------

  @Test
  void putWeightsForImplicitRolesShowsThemInGetWeightsAndRoles() {
    HttpResponse<String> r = ops.put("/weights", "[{\"role\":\" " + role + " \",\"weight\":2.5},"
        + "{\"role\":\"" + role + "/sub\",\"weight\":1.0}]");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    JsonNode weights = OperatorClient.json(ops.get("/master/weights"));
    assertThat(weights.toString()).contains("{\"role\":\"" + role + "\",\"weight\":2.5}")
        .contains("{\"role\":\"" + role + "/sub\",\"weight\":1.0}");
    JsonNode listed = ops.role(role);
    assertThat(listed.get("weight").asDouble()).isEqualTo(2.5);
    assertThat(listed.get("frameworks").isEmpty()).isTrue();
    assertThat(ops.role(role + "/sub").get("weight").asDouble()).isEqualTo(1.0);
  }

  @Test
  void weightsAreValidatedInMesosOrder() {
    assertThat(ops.put("/weights", "{\"role\":\"a\"}").body())
        .startsWith("Failed to parse update weights request JSON '{\"role\":\"a\"}': ");
    HttpResponse<String> noWeight = ops.put("/weights", "[{\"role\":\"a\"}]");
    assertThat(noWeight.statusCode()).isEqualTo(400);
    assertThat(noWeight.body()).startsWith("Failed to convert weights JSON array to protobuf '[{\"role\":\"a\"}]': ");
    assertThat(ops.put("/weights", "[{\"role\":\"a\",\"weight\":\"two\"}]").body())
        .startsWith("Failed to convert weights JSON array to protobuf");
    assertThat(ops.put("/weights", "[{\"weight\":2}]").body()).isEqualTo(
        "Failed to validate update weights request JSON: Invalid role '': Role names cannot be the empty string");
    assertThat(ops.put("/weights", "[{\"role\":\"-x\",\"weight\":2}]").body()).isEqualTo(
        "Failed to validate update weights request JSON: Invalid role '-x': Role component '-x' is invalid "
            + "because it starts with a dash");
    HttpResponse<String> zero = ops.put("/weights", "[{\"role\":\"" + role + "\",\"weight\":0}]");
    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(zero.body()).isEqualTo("Failed to validate update weights request JSON for role '" + role
        + "': Invalid weight '0': Weights must be positive");
    HttpResponse<String> infinite = ops.put("/weights", "[{\"role\":\"" + role + "\",\"weight\":1e400}]");
    assertThat(infinite.statusCode()).isEqualTo(400);
    assertThat(infinite.body()).isEqualTo("Failed to validate update weights request JSON for role '" + role
        + "': Invalid weight 'inf': Weights must be finite");
    assertThat(ops.put("/weights", "[{\"role\":\"" + role + "\",\"weight\":\"NaN\"}]").body())
        .isEqualTo("Failed to validate update weights request JSON for role '" + role
            + "': Invalid weight 'nan': Weights must be positive");
    HttpResponse<String> v1 = ops.v1("{\"type\":\"UPDATE_WEIGHTS\",\"update_weights\":{\"weight_infos\":"
        + "[{\"role\":\"" + role + "\",\"weight\":\"Infinity\"}]}}");
    assertThat(v1.statusCode()).isEqualTo(400);
    assertThat(v1.body()).endsWith("Invalid weight 'inf': Weights must be finite");
    assertThat(OperatorClient.json(ops.get("/weights")).toString()).doesNotContain(role);
    HttpResponse<String> post = ops.post("/weights", "[]");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, PUT");
  }

  @Test
  void updateWeightsIsAuthorizedPerRoleWithHierarchicalAcls() {
    assertThat(other.put("/weights", "[{\"role\":\"" + role + "\",\"weight\":2}]").statusCode()).isEqualTo(403);
    assertThat(other.put("/weights", "[{\"role\":\"eng/" + role + "\",\"weight\":2}]").statusCode())
        .isEqualTo(200);
    assertThat(other.put("/weights", "[{\"role\":\"eng\",\"weight\":2}]").statusCode()).isEqualTo(403);
    assertThat(new OperatorClient(port, "test-principal", "wrong").get("/weights").statusCode()).isEqualTo(401);
  }

  @Test
  void getWeightsAndRolesAreFilteredByViewRoles() {
    ops.put("/weights", "[{\"role\":\"viewable\",\"weight\":3},{\"role\":\"" + role + "\",\"weight\":4}]");
    String visible = other.get("/weights").body();
    assertThat(visible).contains("\"viewable\"").doesNotContain(role);
    assertThat(other.get("/roles").body()).contains("\"viewable\"").doesNotContain(role);
    assertThat(ops.get("/roles").body()).contains(role);
  }

  @Test
  void v1UpdateAndGetWeights() {
    HttpResponse<String> r = ops.v1("{\"type\":\"UPDATE_WEIGHTS\",\"update_weights\":{\"weight_infos\":"
        + "[{\"role\":\"" + role + "\",\"weight\":4.0}]}}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode got = OperatorClient.json(ops.v1("{\"type\":\"GET_WEIGHTS\"}"));
    assertThat(got.get("type").asString()).isEqualTo("GET_WEIGHTS");
    assertThat(got.get("get_weights").get("weight_infos").toString())
        .contains("{\"role\":\"" + role + "\",\"weight\":4.0}");
    assertThat(ops.v1("{\"type\":\"UPDATE_WEIGHTS\"}").body())
        .isEqualTo("Failed to validate master::Call: Expecting 'update_weights' to be present");
  }

  // ---- roles (role_tests) ------------------------------------------------------------------

  @Test
  void subscribedFrameworkMakesItsRoleKnownWithTheWeightSetBefore() {
    ops.put("/weights", "[{\"role\":\"" + role + "\",\"weight\":5}]");
    String fw = new MasterTestClient(port).subscribe("fw-" + role, "[\"" + role + "/web\"]", "");
    JsonNode leaf = ops.role(role + "/web");
    assertThat(leaf.get("frameworks").toString()).contains(fw);
    assertThat(ops.role(role).get("weight").asDouble()).isEqualTo(5.0);
    assertThat(ops.role(role).get("quota").get("role").asString()).isEqualTo(role);
    JsonNode v1 = OperatorClient.json(ops.v1("{\"type\":\"GET_ROLES\"}"));
    assertThat(v1.get("type").asString()).isEqualTo("GET_ROLES");
    assertThat(v1.get("get_roles").toString()).contains("{\"value\":\"" + fw + "\"}");
  }

  @Test
  void rolesIsReadOnlyRealmAndWrongMethodIs405() {
    assertThat(ops.get("/master/roles").statusCode()).isEqualTo(200);
    assertThat(ops.get("/roles?jsonp=cb").body()).startsWith("cb({\"roles\":");
    assertThat(ops.delete("/roles").statusCode()).isEqualTo(405);
  }

  // ---- quota (master_quota_tests) ----------------------------------------------------------

  @Test
  void legacyQuotaSetGetRemoveAndImplicitRoleDisappearsAfterRemove() {
    String request = "{\"role\":\"" + role + "\",\"force\":true,\"guarantee\":["
        + "{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":0.001}}]}";
    assertThat(ops.post("/quota", request).statusCode()).isEqualTo(200);
    JsonNode status = OperatorClient.json(ops.get("/quota"));
    assertThat(status.toString()).contains("{\"role\":\"" + role + "\",\"principal\":\"test-principal\","
        + "\"guarantee\":[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":0.001}}]}");
    assertThat(status.get("configs").toString()).contains("{\"role\":\"" + role
        + "\",\"guarantees\":{\"cpus\":{\"value\":0.001}},\"limits\":{\"cpus\":{\"value\":0.001}}}");
    assertThat(ops.role(role).get("quota").get("guarantee").toString()).isEqualTo("{\"cpus\":0.001}");
    assertThat(ops.post("/quota", request).body()).isEqualTo("Failed to validate set quota request: Cannot set "
        + "quota for role '" + role + "' which already has quota");
    assertThat(ops.delete("/quota/" + role).statusCode()).isEqualTo(200);
    assertThat(ops.delete("/quota/" + role).body())
        .isEqualTo("Failed to remove quota for path '/quota/" + role + "': Role '" + role + "' has no quota set");
    assertThat(ops.role(role)).isNull();
  }

  @Test
  void legacyQuotaRefusals() {
    assertThat(ops.post("/quota", "{\"guarantee\":[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":"
        + "{\"value\":1}}]}").body()).isEqualTo("Failed to validate set quota request: QuotaInfo must specify a role");
    assertThat(ops.post("/quota", "{\"role\":\"" + role + "\",\"guarantee\":[]}").body())
        .isEqualTo("Failed to validate set quota request: QuotaInfo with empty 'guarantee'");
    assertThat(ops.post("/quota", "{\"role\":\"" + role + "\",\"guarantee\":[{\"name\":\"cpus\",\"type\":"
        + "\"SCALAR\",\"scalar\":{\"value\":1},\"role\":\"" + role + "\"}]}").body())
        .isEqualTo("Failed to validate set quota request: QuotaInfo must not contain any ReservationInfo");
    assertThat(ops.post("/quota", "{\"role\":\"" + role + "\",\"guarantee\":[{\"name\":\"ports\",\"type\":"
        + "\"RANGES\",\"ranges\":{\"range\":[{\"begin\":1,\"end\":2}]}}]}").body())
        .isEqualTo("Failed to validate set quota request: QuotaInfo must not include non-scalar resources");
    assertThat(ops.post("/quota", "{\"role\":\"a/b\",\"guarantee\":[{\"name\":\"cpus\",\"type\":\"SCALAR\","
        + "\"scalar\":{\"value\":1}}]}").body()).isEqualTo("Setting quota on nested role 'a/b' is not supported yet");
    String huge = "{\"role\":\"" + role + "\",\"guarantee\":[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":"
        + "{\"value\":100000000}}]}";
    assertThat(other.post("/quota", huge).statusCode()).isEqualTo(403);
    HttpResponse<String> overcommit = ops.post("/quota", huge);
    assertThat(overcommit.statusCode()).isEqualTo(409);
    assertThat(overcommit.body()).startsWith("Quota guarantees overcommit the cluster (use 'force' to bypass this "
        + "check): Total quota guarantees '");
    assertThat(ops.send("PUT", "/quota", "{}", "application/json").statusCode()).isEqualTo(405);
  }

  @Test
  void updateQuotaWithGuaranteesAndLimitsThenGetQuotaAndReset() {
    String[] machine = MasterTestClient.uniqueMachine();
    new MasterTestClient(port).registerAgent(machine[0], machine[1], "http://localhost:9", "cpus:1;mem:64");
    HttpResponse<String> r = ops.v1("{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"force\":false,"
        + "\"quota_configs\":[{\"role\":\"" + role + "\",\"guarantees\":{\"cpus\":{\"value\":0.001}},"
        + "\"limits\":{\"cpus\":{\"value\":10},\"mem\":{\"value\":2048}}}]}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode got = OperatorClient.json(ops.v1("{\"type\":\"GET_QUOTA\"}"));
    assertThat(got.get("get_quota").get("status").get("configs").toString()).contains("{\"role\":\"" + role
        + "\",\"guarantees\":{\"cpus\":{\"value\":0.001}},\"limits\":{\"cpus\":{\"value\":10.0},"
        + "\"mem\":{\"value\":2048.0}}}");
    assertThat(ops.role(role).get("quota").get("limit").toString()).isEqualTo("{\"cpus\":10.0,\"mem\":2048.0}");
    assertThat(OperatorClient.json(other.v1("{\"type\":\"GET_QUOTA\"}")).get("get_quota").get("status").toString())
        .doesNotContain(role);
    assertThat(ops.v1("{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"quota_configs\":[{\"role\":\"" + role
        + "\"}]}}").statusCode()).isEqualTo(200);
    assertThat(ops.get("/quota").body()).doesNotContain(role);
  }

  @Test
  void aForcedLimitRescindsOnlyTheOffersAboveItAndOtherRolesKeepTheirs() throws InterruptedException {
    MasterTestClient master = new MasterTestClient(port);
    String bootstrap = env.getProperty("spring.kafka.bootstrap-servers");
    String otherRole = role + "-other";
    String idOther = master.subscribe("fw-" + otherRole, "[\"" + otherRole + "\"]", "");
    try (TestAgent agentA = new TestAgent(); TestAgent agentB = new TestAgent();
        FrameworkEvents eventsOther = new FrameworkEvents(bootstrap, Topics.framework(idOther), idOther)) {
      // the other role's framework alone is connected: agent B's offer goes to it
      master.awaitConnected(idOther);
      String[] b = MasterTestClient.uniqueMachine();
      String agentIdB = master.registerAgent(b[0], b[1], agentB.endpoint(), "cpus:2;mem:256");
      await().atMost(Duration.ofSeconds(20)).until(() -> eventsOther.of(OfferEvent.class).stream()
          .anyMatch(o -> o.agentId().equals(agentIdB)));
      String id = master.subscribe("fw-" + role, "[\"" + role + "\"]", "");
      try (FrameworkEvents events = new FrameworkEvents(bootstrap, Topics.framework(id), id)) {
        master.awaitConnected(id);
        limitRescindsOnlyThisRolesOffers(master, events, eventsOther, agentA);
      }
    } finally {
      ops.v1("{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"quota_configs\":[{\"role\":\"" + role + "\"}]}}");
    }
  }

  private void limitRescindsOnlyThisRolesOffers(MasterTestClient master, FrameworkEvents events,
      FrameworkEvents eventsOther, TestAgent agentA) {
    String[] a = MasterTestClient.uniqueMachine();
    String agentIdA = master.registerAgent(a[0], a[1], agentA.endpoint(), "cpus:2;mem:256");
    await().atMost(Duration.ofSeconds(20)).until(() -> events.of(OfferEvent.class).stream()
        .anyMatch(o -> o.agentId().equals(agentIdA)));
    OfferEvent offered = events.of(OfferEvent.class).stream().filter(o -> o.agentId().equals(agentIdA))
        .findFirst().orElseThrow();

    HttpResponse<String> r = ops.v1("{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"force\":true,"
        + "\"quota_configs\":[{\"role\":\"" + role + "\",\"limits\":{\"cpus\":{\"value\":1}}}]}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(20)).until(() -> events.of(OfferRescinded.class).stream()
        .anyMatch(x -> x.offerId().equals(offered.offerId())));
    // offers made after the limit stay within it
    await().atMost(Duration.ofSeconds(20)).until(() -> events.of(OfferEvent.class).stream()
        .anyMatch(o -> o.agentId().equals(agentIdA) && !o.offerId().equals(offered.offerId())));
    assertThat(events.of(OfferEvent.class).stream().filter(o -> !o.offerId().equals(offered.offerId())))
        .allSatisfy(o -> assertThat(o.resources()).filteredOn(x -> x.name().equals("cpus"))
            .allSatisfy(x -> assertThat(x.scalar()).isLessThanOrEqualTo(1.0)));
    assertThat(eventsOther.of(OfferRescinded.class)).isEmpty();
  }

  @Test
  void weightAndQuotaSetForARoleNobodyUsesApplyToTheFrameworkThatSubscribesLater() throws InterruptedException {
    MasterTestClient master = new MasterTestClient(port);
    assertThat(ops.put("/weights", "[{\"role\":\"" + role + "\",\"weight\":3}]").statusCode()).isEqualTo(200);
    assertThat(ops.v1("{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"quota_configs\":[{\"role\":\"" + role
        + "\",\"limits\":{\"cpus\":{\"value\":1}}}]}}").statusCode()).isEqualTo(200);
    String id = master.subscribe("fw-" + role, "[\"" + role + "\"]", "");
    try (TestAgent agent = new TestAgent(); FrameworkEvents events = new FrameworkEvents(
        env.getProperty("spring.kafka.bootstrap-servers"), Topics.framework(id), id)) {
      master.awaitConnected(id);
      String[] machine = MasterTestClient.uniqueMachine();
      String agentId = master.registerAgent(machine[0], machine[1], agent.endpoint(), "cpus:4;mem:256");
      await().atMost(Duration.ofSeconds(20)).until(() -> events.of(OfferEvent.class).stream()
          .anyMatch(o -> o.agentId().equals(agentId)));
      assertThat(events.of(OfferEvent.class)).allSatisfy(o -> assertThat(o.resources())
          .filteredOn(x -> x.name().equals("cpus")).allSatisfy(x -> assertThat(x.scalar()).isLessThanOrEqualTo(1.0)));
      JsonNode listed = ops.role(role);
      assertThat(listed.get("weight").asDouble()).isEqualTo(3.0);
      assertThat(listed.get("frameworks").toString()).contains(id);
      assertThat(listed.get("quota").get("limit").toString()).isEqualTo("{\"cpus\":1.0}");
    } finally {
      ops.v1("{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"quota_configs\":[{\"role\":\"" + role + "\"}]}}");
    }
  }

  @Test
  void updateQuotaRefusalsAre400AndAuthorizationIs403() {
    String prefix = "{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"quota_configs\":[";
    assertThat(ops.v1(prefix + "{\"role\":\"a/b\"}]}}").body())
        .isEqualTo("Invalid QuotaConfig: Updating quota on nested role 'a/b' is not supported yet");
    assertThat(ops.v1(prefix + "{\"role\":\"" + role + "\",\"guarantees\":{\"cpus\":{\"value\":-1}}}]}}").body())
        .isEqualTo("Invalid QuotaConfig: Invalid guarantee configuration {'cpus': -1}: Negative values not supported");
    assertThat(ops.v1(prefix + "{\"role\":\"" + role + "\",\"guarantees\":{\"cpus\":{\"value\":2}},"
        + "\"limits\":{\"cpus\":{\"value\":1}}}]}}").body())
        .startsWith("Invalid QuotaConfig: 'QuotaConfig.guarantees' { cpus:2 } is not contained within");
    HttpResponse<String> overcommit = ops.v1(prefix + "{\"role\":\"" + role + "\",\"guarantees\":{\"cpus\":"
        + "{\"value\":100000000}}}]}}");
    assertThat(overcommit.statusCode()).isEqualTo(400);
    assertThat(overcommit.body()).startsWith("Invalid QuotaConfig: total quota guarantees '").endsWith(
        "(use 'force' flag to bypass this check)");
    assertThat(other.v1(prefix + "{\"role\":\"" + role + "\",\"limits\":{\"cpus\":{\"value\":1}}}]}}")
        .statusCode()).isEqualTo(403);
    assertThat(ops.v1("{\"type\":\"UPDATE_QUOTA\"}").body())
        .isEqualTo("Failed to validate master::Call: Expecting 'update_quota' to be present");
  }

  // ---- v1 generic checks -------------------------------------------------------------------

  @Test
  void v1OperatorApiChecksInMesosOrder() {
    assertThat(ops.get("/api/v1").statusCode()).isEqualTo(405);
    assertThat(ops.send("POST", "/api/v1", "{}", null).body()).isEqualTo("Expecting 'Content-Type' to be present");
    assertThat(ops.send("POST", "/api/v1", "{}", "text/plain").statusCode()).isEqualTo(415);
    assertThat(ops.v1("{").body()).startsWith("Failed to parse body into JSON: ");
    assertThat(ops.v1("{}").body()).isEqualTo("Failed to validate master::Call: Expecting 'type' to be present");
    assertThat(ops.v1("{\"type\":\"UNKNOWN\"}").statusCode()).isEqualTo(501);
    HttpResponse<String> maintenance = ops.v1("{\"type\":\"GET_MAINTENANCE_STATUS\"}");
    assertThat(maintenance.statusCode()).as("forwarded; no maintenance-service runs here").isEqualTo(503);
  }
}
