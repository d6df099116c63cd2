package io.drydock.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.OfferEvent;
import io.drydock.events.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** The allocation metrics operators scrape from {@code /actuator/prometheus}. */
@MasterIntegrationTest
class AllocationMetricsTest {

  @LocalServerPort int port;
  @Autowired Environment env;

  @Test
  void cycleTimeOutstandingOffersPerFrameworkAndDeclinesAreExported() throws InterruptedException {
    MasterTestClient master = new MasterTestClient(port);
    String id = master.subscribe("fw-metrics-" + UUID.randomUUID(), "[\"metrics\"]", "");
    try (TestAgent agent = new TestAgent(); FrameworkEvents events = new FrameworkEvents(
        env.getProperty("spring.kafka.bootstrap-servers"), Topics.framework(id), id)) {
      master.awaitConnected(id);
      String[] machine = MasterTestClient.uniqueMachine();
      String agentId = master.registerAgent(machine[0], machine[1], agent.endpoint(), "cpus:1;mem:64");
      await().atMost(Duration.ofSeconds(20)).until(() -> events.of(OfferEvent.class).stream()
          .anyMatch(o -> o.agentId().equals(agentId)));
      await().atMost(Duration.ofSeconds(10)).until(() -> value("drydock_offers_outstanding",
          "framework=\"" + id + "\"") >= 1);
      double declinedBefore = value("drydock_offers_declined_total", null);

      OfferEvent offer = events.of(OfferEvent.class).stream().filter(o -> o.agentId().equals(agentId))
          .findFirst().orElseThrow();
      HttpResponse<String> r = master.scheduler("""
          {"framework_id":{"value":"%s"},"type":"DECLINE","decline":{"offer_ids":[{"value":"%s"}],
           "filters":{"refuse_seconds":3600}}}""".formatted(id, offer.offerId()));
      assertThat(r.statusCode()).isEqualTo(202);

      await().atMost(Duration.ofSeconds(10)).until(() -> value("drydock_offers_declined_total", null)
          >= declinedBefore + 1);
      assertThat(value("drydock_allocation_cycle_seconds_count", null)).isGreaterThan(0);
      assertThat(value("drydock_allocation_cycle_seconds_max", null)).isGreaterThanOrEqualTo(0);
    }
  }

  /** The sample of a metric (with a label matcher, or the first sample), 0 when absent. */
  double value(String name, String label) {
    HttpResponse<String> r = new MasterTestClient(port).get("/actuator/prometheus");
    assertThat(r.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(r.body());
    while (m.find()) {
      if (label == null || (m.group(1) != null && m.group(1).contains(label))) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }
}
