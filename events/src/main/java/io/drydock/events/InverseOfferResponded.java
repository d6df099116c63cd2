package io.drydock.events;

import java.time.Instant;

/** A framework answered an inverse offer. Keyed by machine. */
public record InverseOfferResponded(
    String frameworkId, String agentId, MachineId machine, Response response, Instant respondedAt)
    implements DrydockEvent {

  /** The framework's answer. */
  public enum Response {
    ACCEPT,
    DECLINE
  }

  @Override
  public String partitionKey() {
    return machine.key();
  }
}
