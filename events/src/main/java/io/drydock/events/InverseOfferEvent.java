package io.drydock.events;

/**
 * The master asks a framework to give back everything it uses on an agent whose machine is scheduled
 * for maintenance. The framework answers with ACCEPT_INVERSE_OFFERS or DECLINE_INVERSE_OFFERS; the
 * answer is advisory, as in Mesos.
 */
public record InverseOfferEvent(
    String inverseOfferId, String frameworkId, String agentId, String hostname, MachineId machine,
    Unavailability unavailability)
    implements DrydockEvent {

  @Override
  public String partitionKey() {
    return frameworkId;
  }
}
