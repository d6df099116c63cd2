package io.drydock.allocator.cycle;

import io.drydock.allocator.FrameworkCapability;
import io.drydock.allocator.filter.OfferFilters;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.FrameworkState;
import java.time.Instant;

/**
 * Whether a framework may be offered resources of an agent in a role (spec §9.3, §9.5): its decline
 * filters, SUPPRESS, GPU agents only for GPU_RESOURCES frameworks, and the maintenance lookahead.
 * Shared by the plain stages and the sliced stage 2.
 */
final class Eligibility {

    private final boolean filterGpuResources;

    Eligibility(boolean filterGpuResources) {
        this.filterGpuResources = filterGpuResources;
    }

    boolean offerable(AgentState agent, FrameworkState fw, String role, Resources offer, Instant now) {
        // The agent's own filters first: they compare framework references without reading the framework.
        if (agent.filterCount > 0 && OfferFilters.isFiltered(agent, fw, role, offer, now)) {
            return false;
        }
        if (!fw.offersWanted(role)) {
            return false;
        }
        if (filterGpuResources && agent.hasGpus && !fw.capabilities.contains(FrameworkCapability.GPU_RESOURCES)) {
            return false;
        }
        return fw.maintenanceLookahead == null || agent.unavailability == null
                || !agent.unavailability.startsWithin(now, fw.maintenanceLookahead);
    }
}
