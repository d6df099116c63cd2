package io.drydock.master.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.MachineId;
import io.drydock.allocator.Offer;
import io.drydock.allocator.OfferId;
import io.drydock.allocator.resources.Resources;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The per-framework gauges stay scrapeable while the allocation thread updates them after every run. */
class AllocationMetricsScrapeTest {

  @Test
  void scrapesWhileRunsUpdateTheOutstandingCountsNeverSeeAFrameworkTwice() throws InterruptedException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AllocationMetrics metrics = new AllocationMetrics(registry);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread runs = new Thread(() -> {
      for (int run = 0; run < 20_000; run++) {
        List<Offer> offers = new ArrayList<>();
        for (int f = 0; f < 50; f++) {
          for (int n = 0; n <= (run + f) % 3; n++) {
            offers.add(new Offer(OfferId.of(run + "-" + f + "-" + n), FrameworkId.of("fw-" + f), "*",
                AgentId.of("a-" + n), MachineId.of("h" + n, "10.0.0." + n), Resources.parse("cpus:1"),
                Optional.empty()));
          }
        }
        if (run % 7 == 0) {
          offers.removeIf(o -> o.frameworkId().value().endsWith("3"));
        }
        metrics.outstanding(offers, List.of());
      }
      done.set(true);
    });
    runs.start();
    int scrapes = 0;
    String last = "";
    while (!done.get()) {
      try {
        last = registry.scrape();
        scrapes++;
      } catch (RuntimeException e) {
        failure.set(e);
        break;
      }
    }
    runs.join();
    assertThat(failure.get()).as("a scrape during the runs").isNull();
    assertThat(scrapes).isPositive();
    assertThat(registry.scrape()).contains("drydock_offers_outstanding{framework=\"fw-1\"}");
    assertThat(last).contains("drydock_offers_outstanding");
  }
}
