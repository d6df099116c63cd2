package io.drydock.allocator;

import java.time.Instant;
import java.util.List;

/**
 * The result of one allocation run: the master publishes offers and inverse offers and sends the
 * rescinds. Lists are in generation order, which is deterministic for the same inputs, clock and seed.
 */
public record Plan(Instant at, List<Offer> offers, List<InverseOffer> inverseOffers, List<Rescind> rescinds) {

    public Plan {
        offers = List.copyOf(offers);
        inverseOffers = List.copyOf(inverseOffers);
        rescinds = List.copyOf(rescinds);
    }

    public boolean isEmpty() {
        return offers.isEmpty() && inverseOffers.isEmpty() && rescinds.isEmpty();
    }
}
