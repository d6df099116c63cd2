package io.drydock.allocator.quota;

import io.drydock.allocator.filter.MinAllocatable;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.ResourceQuantities;
import io.drydock.allocator.resources.ResourceType;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.role.Roles;
import io.drydock.allocator.sort.ScalarTotals;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.ClusterState;
import io.drydock.allocator.state.RoleState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage "fit": what part of an agent's free resources may be offered to a role (spec §9.3).
 * Reserved resources allocatable to the role and unreserved non-scalars are always included;
 * unreserved scalars are bounded by the role's quota limit and by the headroom that must be held
 * back for unmet guarantees of other roles. Stage 1 additionally requires that something counts
 * towards the role's unmet guarantee. With no quota configured anywhere, the whole allocatable part
 * is offered without building new objects.
 */
public final class OfferFit {

    private final ClusterState state;
    private final MinAllocatable minAllocatable;
    /** Required headroom: sum over top-level roles of unmet guarantees. */
    private final long[] required = new long[ScalarTotals.CAPACITY];
    private final long[] bound = new long[ScalarTotals.CAPACITY];
    private final long[] deficitBefore = new long[ScalarTotals.CAPACITY];
    private final long[] blockBound = new long[ScalarTotals.CAPACITY];
    private final long[] freeScratch = new long[ScalarTotals.CAPACITY];

    public OfferFit(ClusterState state, MinAllocatable minAllocatable) {
        this.state = state;
        this.minAllocatable = minAllocatable;
    }

    /** Recomputes the required headroom at the start of a run. */
    public void prepare() {
        java.util.Arrays.fill(required, 0);
        if (!state.quotaConfigured()) {
            return;
        }
        int size = state.totals.size();
        for (RoleState r : state.roles.values()) {
            if (r.isTopLevel() && r.hasGuarantee) {
                for (int i = 0; i < size; i++) {
                    required[i] += r.deficit(i);
                }
            }
        }
    }

    /**
     * Stage 1 offer for {@code role} on the agent, or null when nothing counts towards its guarantee.
     * With {@code withExtra} (Mesos) it includes unreserved scalars beyond the guarantee up to the
     * limit and the headroom; without, only the part that counts towards the guarantee (offer slices).
     */
    public Resources stage1(AgentState a, RoleState role, boolean withExtra) {
        RoleState q = role.top;
        int size = state.totals.size();
        boolean counts = false;
        long[] free = state.scalars(a.free, freeScratch, true);
        for (int i = 0; i < size; i++) {
            long gp = Math.min(free[i], q.deficit(i));
            counts |= gp > 0;
            long extra = Math.min(Math.min(free[i] - gp, sub(q.limitHeadroom(i), gp)),
                    state.unreservedFree[i] - required[i]);
            bound[i] = withExtra ? gp + Math.max(0, extra) : gp;
        }
        return counts ? build(a, role) : null;
    }

    /** Stage 2 offer for {@code role} on the agent (possibly empty). */
    public Resources stage2(AgentState a, RoleState role) {
        if (!state.quotaConfigured()) {
            return a.freeHasReservations ? a.free.allocatableTo(role.name) : a.free;
        }
        unreservedBound(role.top, bound);
        return build(a, role);
    }

    /**
     * True when the role can get nothing in stage 2 of this run: its unreserved bound cannot meet any
     * minimum-allocatable alternative and nothing is reserved to it or its ancestors.
     */
    public boolean blockedInStage2(RoleState role) {
        if (!state.quotaConfigured() || minAllocatable.alternatives().isEmpty()) {
            return false;
        }
        if (role.reservedAgents > 0) {
            return false;
        }
        if (!role.isTopLevel()) {
            for (String ancestor : Roles.ancestors(role.name)) {
                RoleState r = state.roles.get(ancestor);
                if (r != null && r.reservedAgents > 0) {
                    return false;
                }
            }
        }
        long[] b = blockBound;
        unreservedBound(role.top, b);
        for (ResourceQuantities alt : minAllocatable.alternatives()) {
            boolean possible = true;
            for (Map.Entry<String, Long> e : alt.millis().entrySet()) {
                int i = state.totals.find(e.getKey());
                if (i >= 0 && b[i] < e.getValue()) {
                    possible = false;
                    break;
                }
            }
            if (possible) {
                return false;
            }
        }
        return true;
    }

    private void unreservedBound(RoleState q, long[] out) {
        int size = state.totals.size();
        for (int i = 0; i < size; i++) {
            long headroom = state.unreservedFree[i] - required[i] + (q.hasGuarantee ? q.deficit(i) : 0);
            out[i] = Math.max(0, Math.min(q.limitHeadroom(i), headroom));
        }
    }

    /** Call before allocating to a role of {@code top} during a run. */
    public void beforeAllocation(RoleState top) {
        int size = state.totals.size();
        for (int i = 0; i < size; i++) {
            deficitBefore[i] = top.hasGuarantee ? top.deficit(i) : 0;
        }
    }

    /** Call after allocating: keeps the required headroom current. */
    public void afterAllocation(RoleState top) {
        if (!top.hasGuarantee) {
            return;
        }
        int size = state.totals.size();
        for (int i = 0; i < size; i++) {
            required[i] += top.deficit(i) - deficitBefore[i];
        }
    }

    public boolean isAllocatable(AgentState a, Resources offer) {
        if (offer == a.memoResources) {
            if (a.memoAllocatable < 0) {
                a.memoAllocatable = minAllocatable.isAllocatable(offer) ? 1 : 0;
            }
            return a.memoAllocatable == 1;
        }
        return minAllocatable.isAllocatable(offer);
    }

    private Resources build(AgentState a, RoleState role) {
        List<Resource> items = a.free.items();
        List<Resource> out = new ArrayList<>(items.size());
        boolean whole = true;
        for (Resource r : items) {
            if (!r.isUnreserved()) {
                if (r.isAllocatableTo(role.name)) {
                    out.add(r);
                } else {
                    whole = false;
                }
            } else if (r.type() != ResourceType.SCALAR) {
                out.add(r);
            } else {
                int i = state.totals.indexOf(r.name());
                long take = Math.min(r.scalarMillis(), bound[i]);
                bound[i] -= take;
                if (take == r.scalarMillis()) {
                    out.add(r);
                } else {
                    whole = false;
                    if (take > 0) {
                        out.add(r.withScalar(take));
                    }
                }
            }
        }
        return whole ? a.free : Resources.of(out);
    }

    private static long sub(long a, long b) {
        return a == Long.MAX_VALUE ? a : a - b;
    }
}
