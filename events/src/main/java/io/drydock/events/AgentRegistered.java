package io.drydock.events;

/**
 * An agent registered with the master (first time or again). Published on the compacted
 * {@link Topics#AGENTS} topic keyed by machine, so maintenance-service knows every machine that hosts
 * agents — as Mesos's master does, which makes {@code /machine/down} on such an UP machine answer
 * "is not in DRAINING mode" rather than "is not part of a maintenance schedule".
 */
public record AgentRegistered(String agentId, MachineId machine) implements DrydockEvent {

  @Override
  public String partitionKey() {
    return machine.key();
  }
}
