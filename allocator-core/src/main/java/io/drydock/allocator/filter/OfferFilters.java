package io.drydock.allocator.filter;

import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.FrameworkState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * Stage "filter": decline filters per (framework, role, agent), stored on the agent as
 * (framework, filter) pairs in one array (spec §9.5). Expired filters are dropped lazily; an agent
 * whose earliest expiry lies ahead is skipped without looking at its filters. Removed on REVIVE (for
 * the revived roles), on agent attribute change and on agent removal.
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
        Instant expires = now.plus(duration);
        Object[] slots = agent.filterSlots;
        int n = agent.filterCount;
        if (slots == null || slots.length < 2 * (n + 1)) {
            slots = slots == null ? new Object[8] : Arrays.copyOf(slots, slots.length * 2);
            agent.filterSlots = slots;
        }
        slots[2 * n] = fw;
        slots[2 * n + 1] = new OfferFilter(fw, role, refused, expires);
        agent.filterCount = n + 1;
        agent.earliestFilterExpiryMillis = Math.min(agent.earliestFilterExpiryMillis, floorMillis(expires));
        fw.filteredAgents.add(agent);
    }

    /** True when an active filter of (framework, role) on the agent blocks {@code offer}. */
    public static boolean isFiltered(AgentState agent, FrameworkState fw, String role, Resources offer, Instant now) {
        Object[] slots = agent.filterSlots;
        for (int i = 0, n = agent.filterCount; i < n; i++) {
            if (slots[2 * i] == fw && ((OfferFilter) slots[2 * i + 1]).blocks(fw, role, offer, now)) {
                return true;
            }
        }
        return false;
    }

    /** Drops expired filters on the agent. */
    public static void expire(AgentState agent, Instant now, long nowMillis) {
        if (agent.filterCount == 0 || nowMillis < agent.earliestFilterExpiryMillis) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        Object[] slots = agent.filterSlots;
        int kept = 0;
        for (int i = 0, n = agent.filterCount; i < n; i++) {
            OfferFilter f = (OfferFilter) slots[2 * i + 1];
            if (now.isBefore(f.expires())) {
                slots[2 * kept] = slots[2 * i];
                slots[2 * kept + 1] = f;
                kept++;
                earliest = Math.min(earliest, floorMillis(f.expires()));
            }
        }
        Arrays.fill(slots, 2 * kept, 2 * agent.filterCount, null);
        agent.filterCount = kept;
        agent.earliestFilterExpiryMillis = earliest;
    }

    /** Removes the framework's filters for {@code roles} (all when empty). */
    public static void clear(FrameworkState fw, Set<String> roles) {
        for (Iterator<AgentState> it = fw.filteredAgents.iterator(); it.hasNext(); ) {
            AgentState agent = it.next();
            Object[] slots = agent.filterSlots;
            int kept = 0;
            boolean fwLeft = false;
            for (int i = 0, n = agent.filterCount; i < n; i++) {
                OfferFilter f = (OfferFilter) slots[2 * i + 1];
                boolean drop = f.framework() == fw && (roles.isEmpty() || roles.contains(f.role()));
                if (!drop) {
                    slots[2 * kept] = slots[2 * i];
                    slots[2 * kept + 1] = f;
                    kept++;
                    fwLeft |= f.framework() == fw;
                }
            }
            if (slots != null) {
                Arrays.fill(slots, 2 * kept, 2 * agent.filterCount, null);
            }
            agent.filterCount = kept;
            if (!fwLeft) {
                it.remove();
            }
        }
    }

    /** Removes all filters on an agent. */
    public static void clear(AgentState agent) {
        if (agent.filterSlots != null) {
            Arrays.fill(agent.filterSlots, null);
        }
        agent.filterCount = 0;
        agent.earliestFilterExpiryMillis = Long.MAX_VALUE;
    }

    /** Epoch millis rounded down, saturating far in the future. */
    public static long floorMillis(Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
