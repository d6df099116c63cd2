package io.drydock.events;

/** A previously sent inverse offer is no longer valid (unavailability changed, agent removed ...). */
public record InverseOfferRescinded(String inverseOfferId, String frameworkId, String agentId)
    implements DrydockEvent {

  @Override
  public String partitionKey() {
    return frameworkId;
  }
}
