package io.drydock.allocator.maintenance;

import io.drydock.allocator.state.AgentState;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Candidate agent order for a run: a seeded shuffle (as Mesos shuffles), then, when maintenance-aware
 * placement is on, a stable sort that puts agents without unavailability first and the others by
 * unavailability start, latest first, so that agents draining soonest are offered last.
 */
public final class AgentOrder {

    private static final Comparator<AgentState> MAINTENANCE_LAST = (a, b) -> {
        Instant sa = a.unavailability == null ? null : a.unavailability.start();
        Instant sb = b.unavailability == null ? null : b.unavailability.start();
        if (sa == null || sb == null) {
            return sa == null ? (sb == null ? 0 : -1) : 1;
        }
        return sb.compareTo(sa);
    };

    private AgentOrder() {
    }

    /** Shuffles {@code agents[0..n)} in place with {@code random}, then applies maintenance ordering. */
    public static void order(AgentState[] agents, int n, SplittableRandom random, boolean maintenanceAware,
                             boolean anyUnavailable) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            AgentState t = agents[i];
            agents[i] = agents[j];
            agents[j] = t;
        }
        if (maintenanceAware && anyUnavailable) {
            Arrays.sort(agents, 0, n, MAINTENANCE_LAST);
        }
    }
}
