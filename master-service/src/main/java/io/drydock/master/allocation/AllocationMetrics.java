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
import java.util.concurrent.atomic.AtomicInteger;

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
  private final Map<FrameworkId, AtomicInteger> offerCounts = new HashMap<>();
  private final Map<FrameworkId, AtomicInteger> inverseOfferCounts = new HashMap<>();

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
    publish(offersOutstanding, offerCounts, count(offers.stream().map(Offer::frameworkId).toList()));
    publish(inverseOffersOutstanding, inverseOfferCounts,
        count(inverseOffers.stream().map(InverseOffer::frameworkId).toList()));
  }

  /**
   * Sets each framework's count in the holder its gauge reads. A framework's gauge is registered once and
   * removed when it has nothing outstanding: re-registering every gauge after every run (MultiGauge's
   * overwrite) made a concurrent Prometheus scrape see a framework's sample twice now and then, and answer
   * 500 ("Duplicate labels").
   */
  private static void publish(MultiGauge gauge, Map<FrameworkId, AtomicInteger> holders,
      Map<FrameworkId, Integer> counts) {
    holders.keySet().retainAll(counts.keySet());
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach((id, n) -> {
      AtomicInteger holder = holders.computeIfAbsent(id, k -> new AtomicInteger());
      holder.set(n);
      rows.add(MultiGauge.Row.of(Tags.of("framework", id.value()), holder, AtomicInteger::get));
    });
    gauge.register(rows, false);
  }

  private static Map<FrameworkId, Integer> count(List<FrameworkId> ids) {
    Map<FrameworkId, Integer> out = new HashMap<>();
    ids.forEach(id -> out.merge(id, 1, Integer::sum));
    return out;
  }

}
