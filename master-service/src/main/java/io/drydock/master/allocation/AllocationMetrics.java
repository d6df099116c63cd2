package io.drydock.master.allocation;

import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.InverseOffer;
import io.drydock.allocator.Offer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What operators watch of the allocation (issue "metrics"): cycle time, offers and inverse offers outstanding
 * per framework (sum them for the total), declines and rescinds. Updated on the allocation thread only; the
 * gauges read numbers that thread publishes after every run.
 */
final class AllocationMetrics {

  private final Timer cycle;
  private final Counter declines;
  private final Counter rescinds;
  private final Counter offersMade;
  private final MultiGauge offersOutstanding;
  private final MultiGauge inverseOffersOutstanding;

  AllocationMetrics(MeterRegistry registry) {
    cycle = Timer.builder("drydock.allocation.cycle")
        .description("Time of one allocation run (periodic or event-triggered)")
        .publishPercentiles(0.5, 0.99).register(registry);
    declines = Counter.builder("drydock.offers.declined").description("Offers declined by frameworks")
        .register(registry);
    rescinds = Counter.builder("drydock.offers.rescinded")
        .description("Offers and inverse offers rescinded by the master").register(registry);
    offersMade = Counter.builder("drydock.offers.made").description("Offers sent to frameworks").register(registry);
    offersOutstanding = MultiGauge.builder("drydock.offers.outstanding")
        .description("Offers sent and not yet accepted, declined or rescinded, per framework").register(registry);
    inverseOffersOutstanding = MultiGauge.builder("drydock.inverse.offers.outstanding")
        .description("Inverse offers not yet answered or rescinded, per framework").register(registry);
  }

  /** Metrics nobody reads (tests building an actor by hand). */
  static AllocationMetrics none() {
    return new AllocationMetrics(new SimpleMeterRegistry());
  }

  void cycle(Duration took) {
    cycle.record(took);
  }

  void declined(int count) {
    declines.increment(count);
  }

  void rescinded() {
    rescinds.increment();
  }

  void offered(int count) {
    offersMade.increment(count);
  }

  /** Publishes the outstanding counts, on the allocation thread after a run. */
  void outstanding(Collection<Offer> offers, Collection<InverseOffer> inverseOffers) {
    offersOutstanding.register(rows(count(offers.stream().map(Offer::frameworkId).toList())), true);
    inverseOffersOutstanding.register(
        rows(count(inverseOffers.stream().map(InverseOffer::frameworkId).toList())), true);
  }

  private static Map<FrameworkId, Integer> count(List<FrameworkId> ids) {
    Map<FrameworkId, Integer> out = new HashMap<>();
    ids.forEach(id -> out.merge(id, 1, Integer::sum));
    return out;
  }

  private static List<MultiGauge.Row<?>> rows(Map<FrameworkId, Integer> counts) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach((id, n) -> rows.add(MultiGauge.Row.of(Tags.of("framework", id.value()), n)));
    return rows;
  }
}
