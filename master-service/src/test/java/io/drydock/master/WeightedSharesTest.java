package io.drydock.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.OfferEvent;
import io.drydock.events.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Weighted DRF end to end (issue: "two frameworks in different roles with weights 1 and 3 converge to a
 * 1:3 dominant share"): both frameworks take one 1-cpu task from every offer of one 16-cpu agent and
 * decline the rest; when the agent is full the roles hold 4 and 12 cpus.
 */
@MasterIntegrationTest
class WeightedSharesTest {

  @LocalServerPort int port;
  @Autowired Environment env;

  /** A framework that launches one task per offer on {@code agentId} and declines every other offer. */
  final class Greedy implements AutoCloseable {
    final String id;
    final FrameworkEvents events;
    final Set<String> seen = new HashSet<>();
    int launched;

    Greedy(MasterTestClient master, String role) {
      id = master.subscribe("fw-" + role, "[\"" + role + "\"]", "");
      events = new FrameworkEvents(env.getProperty("spring.kafka.bootstrap-servers"), Topics.framework(id), id);
    }

    void answerNewOffers(MasterTestClient master, String agentId) {
      for (OfferEvent offer : events.of(OfferEvent.class)) {
        if (!seen.add(offer.offerId())) {
          continue;
        }
        HttpResponse<String> r;
        if (offer.agentId().equals(agentId)) {
          r = master.scheduler("""
              {"framework_id":{"value":"%s"},"type":"ACCEPT","accept":{"offer_ids":[{"value":"%s"}],
               "operations":[{"type":"LAUNCH","launch":{"task_infos":[{"name":"t","task_id":{"value":"%s"},
                 "agent_id":{"value":"%s"},"command":{"value":"sleep 100"},
                 "resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":1}},
                              {"name":"mem","type":"SCALAR","scalar":{"value":128}}]}]}}],
               "filters":{"refuse_seconds":0}}}""".formatted(id, offer.offerId(), UUID.randomUUID(), agentId));
          launched++;
        } else {
          r = master.scheduler("""
              {"framework_id":{"value":"%s"},"type":"DECLINE","decline":{"offer_ids":[{"value":"%s"}],
               "filters":{"refuse_seconds":3600}}}""".formatted(id, offer.offerId()));
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      }
    }

    @Override
    public void close() throws InterruptedException {
      events.close();
    }
  }

  @Test
  void rolesWithWeightsOneAndThreeConvergeToAOneToThreeShare() throws InterruptedException {
    MasterTestClient master = new MasterTestClient(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String light = "light-" + suffix;
    String heavy = "heavy-" + suffix;
    HttpResponse<String> weights = master.post("/api/v1", "{\"type\":\"UPDATE_WEIGHTS\",\"update_weights\":"
        + "{\"weight_infos\":[{\"role\":\"" + light + "\",\"weight\":1},{\"role\":\"" + heavy
        + "\",\"weight\":3}]}}");
    assertThat(weights.statusCode()).as(weights.body()).isEqualTo(200);
    try (TestAgent agent = new TestAgent(); Greedy a = new Greedy(master, light);
        Greedy b = new Greedy(master, heavy)) {
      master.awaitConnected(a.id);
      master.awaitConnected(b.id);
      String[] machine = MasterTestClient.uniqueMachine();
      String agentId = master.registerAgent(machine[0], machine[1], agent.endpoint(), "cpus:16;mem:16384");

      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
        a.answerNewOffers(master, agentId);
        b.answerNewOffers(master, agentId);
        return a.launched + b.launched >= 16;
      });

      assertThat(a.launched).as("tasks of the weight-1 role").isEqualTo(4);
      assertThat(b.launched).as("tasks of the weight-3 role").isEqualTo(12);
    }
  }
}
