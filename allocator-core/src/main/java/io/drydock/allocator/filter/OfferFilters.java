package io.drydock.allocator.filter;

import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.FrameworkState;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

/**
 * Stage "filter": decline filters per (framework, role, agent), stored on the agent (spec §9.5).
 * Expired filters are dropped lazily. Removed on REVIVE (for the revived roles), on agent attribute
 * change and on agent removal.
 */
public final class OfferFilters {

    private OfferFilters() {
    }

    /** Installs a filter for {@code duration}; a zero duration installs nothing. */
    public static void install(AgentState agent, FrameworkState fw, String role, Resources refused,
                               Instant now, Duration duration) {
        if (duration.isZero() || refused.isEmpty()) {
            return;
        }
        agent.filters.add(new OfferFilter(fw, role, refused, now.plus(duration)));
        fw.filteredAgents.add(agent);
    }

    /** True when an active filter of (framework, role) on the agent blocks {@code offer}. */
    public static boolean isFiltered(AgentState agent, FrameworkState fw, String role, Resources offer, Instant now) {
        var filters = agent.filters;
        for (int i = 0, n = filters.size(); i < n; i++) {
            OfferFilter f = filters.get(i);
            if (f.framework() == fw && f.blocks(fw, role, offer, now)) {
                return true;
            }
        }
        return false;
    }

    /** Drops expired filters on the agent. */
    public static void expire(AgentState agent, Instant now) {
        if (!agent.filters.isEmpty()) {
            agent.filters.removeIf(f -> !now.isBefore(f.expires()));
        }
    }

    /** Removes the framework's filters for {@code roles} (all when empty). */
    public static void clear(FrameworkState fw, Set<String> roles) {
        for (Iterator<AgentState> it = fw.filteredAgents.iterator(); it.hasNext(); ) {
            AgentState agent = it.next();
            agent.filters.removeIf(f -> f.framework() == fw && (roles.isEmpty() || roles.contains(f.role())));
            if (agent.filters.stream().noneMatch(f -> f.framework() == fw)) {
                it.remove();
            }
        }
    }

    /** Removes all filters on an agent. */
    public static void clear(AgentState agent) {
        agent.filters.clear();
    }
}
