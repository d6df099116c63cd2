package io.drydock.allocator;

import io.drydock.allocator.maintenance.Unavailability;

/**
 * An inverse offer (spec §1.8): asks a framework to give back all resources on an agent before its
 * unavailability. Resources are implicitly "everything on the agent".
 */
public record InverseOffer(OfferId id, FrameworkId frameworkId, AgentId agentId, MachineId machineId,
                           Unavailability unavailability) {
}
