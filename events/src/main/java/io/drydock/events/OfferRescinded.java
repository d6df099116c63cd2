package io.drydock.events;

/** A previously sent offer is no longer valid. */
public record OfferRescinded(String offerId, String frameworkId, String agentId) implements DrydockEvent {

  @Override
  public String partitionKey() {
    return frameworkId;
  }
}
