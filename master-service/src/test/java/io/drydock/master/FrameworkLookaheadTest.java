package io.drydock.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.maintenance.Unavailability;
import io.drydock.events.OfferEvent;
import io.drydock.events.Topics;
import io.drydock.master.allocation.AllocationActor;
import io.drydock.master.framework.FrameworkRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * {@code framework_info.maintenance_lookahead_seconds}: validated on SUBSCRIBE, kept by the registry,
 * given to the allocator, and replaced by a re-subscription.
 */
@MasterIntegrationTest
class FrameworkLookaheadTest {

  @LocalServerPort int port;
  @Autowired AllocationActor allocation;
  @Autowired FrameworkRegistry frameworks;
  @Autowired Environment env;

  MasterTestClient master;
  TestAgent agent;
  FrameworkEvents events;
  String drainingAgent;

  @BeforeEach
  void setUp() {
    master = new MasterTestClient(port);
    agent = new TestAgent();
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    if (drainingAgent != null) {
      // the master is shared: no other test may meet this agent's unavailability (and its inverse offers)
      allocation.updateUnavailability(AgentId.of(drainingAgent), null).join();
    }
    agent.close();
    if (events != null) {
      events.close();
    }
  }

  HttpResponse<String> subscribe(String frameworkId, String name, String lookahead) {
    String id = frameworkId == null ? "" : "\"id\":{\"value\":\"" + frameworkId + "\"},";
    String idCall = frameworkId == null ? "" : "\"framework_id\":{\"value\":\"" + frameworkId + "\"},";
    return master.scheduler("""
        {%s"type":"SUBSCRIBE","subscribe":{"framework_info":{%s"user":"test","name":"%s",
         "principal":"test-principal","roles":["*"],"failover_timeout":3600,
         "capabilities":[{"type":"MULTI_ROLE"}],"maintenance_lookahead_seconds":%s}}}"""
        .formatted(idCall, id, name, lookahead));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "\"-0.5\"", "1e400"})
  void aNegativeOrInfiniteLookaheadIsRefused(String lookahead) {
    HttpResponse<String> r = subscribe(null, "bad-lookahead", lookahead);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).startsWith("'FrameworkInfo.maintenance_lookahead_seconds' must be a non-negative number");
  }

  @Test
  void aLookaheadThatIsNoNumberIsRefused() {
    HttpResponse<String> r = subscribe(null, "bad-lookahead", "\"soon\"");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Failed to convert JSON into Call protobuf: Failed to convert 'soon' to number "
        + "for field 'maintenance_lookahead_seconds'");
  }

  @Test
  void agentsDrainingWithinTheLookaheadAreNotOfferedUntilAResubscriptionShortensIt() {
    String[] draining = MasterTestClient.uniqueMachine();
    String[] healthy = MasterTestClient.uniqueMachine();
    drainingAgent = master.registerAgent(draining[0], draining[1], agent.endpoint(), "cpus:2;mem:1024");
    allocation.updateUnavailability(AgentId.of(drainingAgent),
        Unavailability.from(Instant.now().plus(Duration.ofMinutes(10)), Duration.ofHours(1))).join();
    String healthyAgent = master.registerAgent(healthy[0], healthy[1], agent.endpoint(), "cpus:2;mem:1024");

    HttpResponse<String> r = subscribe(null, "fw-" + UUID.randomUUID(), "3600");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String id = MasterTestClient.JSON.readTree(r.body()).get("subscribed").get("framework_id").get("value")
        .asString();
    assertThat(frameworks.get(id).orElseThrow().maintenanceLookahead()).isEqualTo(Duration.ofHours(1));
    events = new FrameworkEvents(env.getProperty("spring.kafka.bootstrap-servers"), Topics.framework(id), id);

    await().atMost(Duration.ofSeconds(20)).until(() -> !offersOn(healthyAgent).isEmpty());
    assertThat(offersOn(drainingAgent)).isEmpty();

    r = subscribe(id, "fw-resubscribed", "60");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(frameworks.get(id).orElseThrow().maintenanceLookahead()).isEqualTo(Duration.ofMinutes(1));
    await().atMost(Duration.ofSeconds(20)).until(() -> !offersOn(drainingAgent).isEmpty());
    assertThat(offersOn(drainingAgent).get(0).unavailability()).isNotNull();
  }

  List<OfferEvent> offersOn(String agentId) {
    return events.of(OfferEvent.class).stream().filter(o -> o.agentId().equals(agentId)).toList();
  }
}
