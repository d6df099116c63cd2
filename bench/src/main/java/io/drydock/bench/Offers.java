package io.drydock.bench;

import io.drydock.events.OfferEvent;
import io.drydock.events.Resource;

/** What the harnesses' frameworks read from an offer. */
public final class Offers {

  private Offers() {}

  /** The unreserved amount of scalar resource {@code name} (e.g. {@code cpus}) in the offer. */
  public static double unreserved(OfferEvent offer, String name) {
    double total = 0;
    for (Resource r : offer.resources()) {
      if (r.scalar() != null && name.equals(r.name()) && (r.reservations() == null || r.reservations().isEmpty())) {
        total += r.scalar();
      }
    }
    return total;
  }
}
