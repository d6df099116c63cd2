package io.drydock.master.allocation;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.InverseOffer;
import io.drydock.allocator.Offer;
import io.drydock.allocator.OfferId;
import io.drydock.allocator.Plan;
import io.drydock.allocator.Rescind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outstanding offers and inverse offers of the allocation actor, their publication to the frameworks'
 * topics and the metrics about them. Used on the allocation thread only.
 */
final class OfferBook {

  final Map<OfferId, Offer> offers = new HashMap<>();
  final Map<OfferId, InverseOffer> inverseOffers = new HashMap<>();
  private final OfferPublisher publisher;
  private final AllocationMetrics metrics;

  OfferBook(OfferPublisher publisher, AllocationMetrics metrics) {
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /** Records and publishes a run's plan: rescinds first, then offers and inverse offers. */
  void publish(Plan plan, Map<AgentId, AgentView> agents) {
    rescind(plan.rescinds());
    for (Offer offer : plan.offers()) {
      offers.put(offer.id(), offer);
      publisher.offer(offer, agents.get(offer.agentId()));
    }
    for (InverseOffer offer : plan.inverseOffers()) {
      inverseOffers.put(offer.id(), offer);
      publisher.inverseOffer(offer, agents.get(offer.agentId()));
    }
    metrics.offered(plan.offers().size());
    metrics.outstanding(offers.values(), inverseOffers.values());
  }

  /** Publishes the rescinds of offers still outstanding (others were already answered). */
  void rescind(List<Rescind> rescinds) {
    for (Rescind rescind : rescinds) {
      boolean outstanding = rescind.kind() == Rescind.Kind.OFFER
          ? offers.remove(rescind.offerId()) != null
          : inverseOffers.remove(rescind.offerId()) != null;
      if (outstanding) {
        publisher.rescind(rescind);
        metrics.rescinded();
      }
    }
  }

  /** A framework declined an outstanding offer: it leaves the book. */
  void declined(Offer offer) {
    offers.remove(offer.id());
    metrics.declined(1);
  }

  /** Forgets a framework's offers and inverse offers (no rescinds: the framework is gone). */
  void forget(FrameworkId framework) {
    offers.values().removeIf(o -> o.frameworkId().equals(framework));
    inverseOffers.values().removeIf(o -> o.frameworkId().equals(framework));
  }
}
