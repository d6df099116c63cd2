package io.drydock.allocator.cycle;

import io.drydock.allocator.filter.OfferFilters;
import io.drydock.allocator.quota.OfferFit;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.sort.ScalarTotals;
import io.drydock.allocator.sort.Sorter;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.ClusterState;
import io.drydock.allocator.state.FrameworkState;
import io.drydock.allocator.state.RoleState;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Stage 2 with offer slices (opt-in, {@code AllocatorBuilder#offerSlice}). Per agent, repeatedly: walk
 * the role sorter from the lowest weighted dominant share, take the first role that may get something
 * here (quota bounds of {@link OfferFit}, minimum allocatable) and has an eligible framework (first in
 * the role's framework order, {@link Eligibility} checked against the role's whole offer on the agent,
 * as Mesos would offer it), allocate one slice to that framework, update the sorters, and start over;
 * until the agent is empty or no role can take anything. A slice below the minimum allocatable grows to
 * the role's whole offer. A role that could take nothing on the agent is not asked again on that agent
 * (its bound there only shrinks as others take slices). The slices become one offer per (framework,
 * role) on the agent through {@link PendingOffers}.
 * <p>Top-level roles are ordered by their weighted share <em>after</em> one more slice, not before it:
 * for the run, each top-level role carries one virtual slice in the role sorter (added when the first
 * agent with free resources comes up, removed at the end). With Mesos's order, roles tied at the lowest
 * share are taken by fewer allocations first, i.e. light roles, which then overshoot by a whole slice
 * per unit of weight where a weight-3 role would overshoot by a third of one.
 */
final class SlicedStage {

    private final ClusterState state;
    private final OfferFit fit;
    private final OfferSlicer slicer;
    private final Resources slice;
    private final Eligibility eligibility;
    private final PendingOffers pending;
    private final Set<RoleState> skipped = new HashSet<>();
    private final Sorter.Visitor<RoleState> roleVisitor = this::visitRole;
    private final Sorter.Visitor<FrameworkState> frameworkVisitor = this::visitFramework;

    // Per-agent scratch.
    private Instant now;
    private AgentState agent;
    private Resources roleOffer;
    private String currentRole;
    private FrameworkState pickedFramework;
    private FrameworkState candidate;
    private RoleState pickedRole;
    private Resources pickedSlice;
    /** One slice as sorter scalars (the virtual slice), or null before the run needs it. */
    private long[] virtualSlice;

    SlicedStage(ClusterState state, OfferFit fit, Resources slice, Eligibility eligibility, PendingOffers pending) {
        this.state = state;
        this.fit = fit;
        this.slicer = new OfferSlicer(slice);
        this.slice = slice;
        this.eligibility = eligibility;
        this.pending = pending;
    }

    void run(AgentState[] candidates, int n, Instant at, long nowMillis) {
        now = at;
        try {
            for (int i = 0; i < n; i++) {
                agent = candidates[i];
                if (agent.freeEmpty) {
                    continue;
                }
                if (virtualSlice == null) {
                    virtualSlice = virtualSlice(1);
                }
                OfferFilters.expire(agent, now, nowMillis);
                skipped.clear();
                while (!agent.freeEmpty && nextSlice()) {
                    // one slice per iteration
                }
            }
        } finally {
            if (virtualSlice != null) {
                virtualSlice(-1);
                virtualSlice = null;
            }
        }
        agent = null;
        roleOffer = null;
        pickedFramework = null;
        candidate = null;
        pickedRole = null;
        pickedSlice = null;
    }

    /** Adds ({@code sign} 1) or removes (-1) one slice to every top-level role in the role sorter. */
    private long[] virtualSlice(int sign) {
        long[] v = virtualSlice;
        if (v == null) {
            v = new long[ScalarTotals.CAPACITY];
            for (Resource r : slice.items()) {
                int i = state.totals.find(r.name());
                if (i >= 0) {
                    v[i] = r.scalarMillis();
                }
            }
        }
        for (RoleState r : state.roles.values()) {
            if (r.isTopLevel()) {
                if (sign > 0) {
                    state.roleSorter.allocated(r.name, v);
                } else {
                    state.roleSorter.unallocated(r.name, v);
                }
            }
        }
        return v;
    }

    /** Allocates one slice of the agent; false when no role can take anything more here. */
    private boolean nextSlice() {
        pickedRole = null;
        state.roleSorter.forEach(roleVisitor);
        RoleState role = pickedRole;
        if (role == null) {
            return false;
        }
        fit.beforeAllocation(role.top);
        state.allocateOffer(agent, pickedFramework, role, pickedSlice);
        fit.afterAllocation(role.top);
        pending.add(agent, pickedFramework, role, pickedSlice);
        return true;
    }

    /** Picks the first role that can take something here (continues the walk otherwise). */
    private boolean visitRole(RoleState role) {
        if (skipped.contains(role)) {
            return true;
        }
        Resources offer = fit.stage2(agent, role);
        if (offer.isEmpty() || !fit.isAllocatable(agent, offer)) {
            skipped.add(role);
            return true;
        }
        roleOffer = offer;
        currentRole = role.name;
        candidate = null;
        role.frameworkSorter.forEach(frameworkVisitor);
        if (candidate == null) {
            skipped.add(role);
            return true;
        }
        Resources cut = slicer.cut(offer);
        pickedSlice = cut == offer || fit.isAllocatable(agent, cut) ? cut : offer;
        pickedFramework = candidate;
        pickedRole = role;
        return false;
    }

    private boolean visitFramework(FrameworkState fw) {
        if (eligibility.offerable(agent, fw, currentRole, roleOffer, now)) {
            candidate = fw;
            return false;
        }
        return true;
    }
}
