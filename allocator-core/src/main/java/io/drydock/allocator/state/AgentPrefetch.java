package io.drydock.allocator.state;

/**
 * Memory-level parallelism for a run over shuffled agents (internal). A run visits agents in random
 * order, so each agent's state is a cache miss, and its filter and scalar arrays are further misses
 * that depend on the first. Touching the agents of a small group one after another before working on
 * them lets their misses overlap (the reads are independent) instead of paying them one by one; the
 * work on each agent then hits the cache. Reads only: nothing is changed.
 */
public final class AgentPrefetch {

    /** Agents touched together; small enough that their lines stay cached while the group is worked on. */
    private static final int GROUP = 8;

    /** Keeps the reads (the JIT may not drop loads whose values are stored). */
    private int sink;

    /** Call for each index {@code i} of a run over {@code agents[0, n)}, before working on agent i. */
    public void before(AgentState[] agents, int i, int n) {
        if ((i & (GROUP - 1)) != 0) {
            return;
        }
        int to = Math.min(n, i + GROUP);
        int s = 0;
        for (int j = i; j < to; j++) {
            AgentState a = agents[j];
            s += a.filterCount + a.memoAllocatable;
        }
        for (int j = i; j < to; j++) {
            AgentState a = agents[j];
            Object[] slots = a.filterSlots;
            if (slots != null) {
                s += slots.length;
                int last = 2 * a.filterCount - 1;
                if (last > 0 && slots[last] != null) {
                    s++;
                }
            }
            long[] memo = a.memoScalars;
            if (memo != null) {
                s += (int) memo[0] + (int) a.memoUnreserved[0];
            }
        }
        sink += s;
    }
}
