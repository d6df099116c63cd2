package io.drydock.master.agent;

import io.drydock.allocator.resources.Resources;

/**
 * Adjusts the resources an agent registers with before they reach the allocator, e.g. re-applies the
 * registry's dynamic reservations and persistent volumes of that agent (implemented by the reservation
 * feature, so this package needs not know it).
 */
@FunctionalInterface
public interface AgentResourcesAdjuster {

  /** The agent's total given its own (static) resources. */
  Resources adjust(String agentId, Resources total);
}
