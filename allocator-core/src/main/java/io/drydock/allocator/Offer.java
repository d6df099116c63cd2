package io.drydock.allocator;

import io.drydock.allocator.maintenance.Unavailability;
import io.drydock.allocator.resources.Resources;
import java.util.Optional;

/**
 * An offer in a {@link Plan}: one agent, one role of one framework. Its resources count as allocated
 * until the master reports them back (accept, decline or rescind).
 *
 * @param unavailability the agent's unavailability, present exactly when the agent has one (spec §1.9)
 */
public record Offer(OfferId id, FrameworkId frameworkId, String role, AgentId agentId, MachineId machineId,
                    Resources resources, Optional<Unavailability> unavailability) {
}
