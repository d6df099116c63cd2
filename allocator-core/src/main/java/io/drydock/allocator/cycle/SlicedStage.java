package io.drydock.allocator.cycle;

import io.drydock.allocator.filter.OfferFilters;
import io.drydock.allocator.quota.OfferFit;
import io.drydock.allocator.resources.Resources;
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
 */
final class SlicedStage {

    private final ClusterState state;
    private final OfferFit fit;
    private final OfferSlicer slicer;
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
    private RoleState pickedRole;
    private Resources pickedSlice;

    SlicedStage(ClusterState state, OfferFit fit, Resources slice, Eligibility eligibility, PendingOffers pending) {
        this.state = state;
        this.fit = fit;
        this.slicer = new OfferSlicer(slice);
        this.eligibility = eligibility;
        this.pending = pending;
    }

    void run(AgentState[] candidates, int n, Instant at, long nowMillis) {
        now = at;
        for (int i = 0; i < n; i++) {
            agent = candidates[i];
            if (agent.freeEmpty) {
                continue;
            }
            OfferFilters.expire(agent, now, nowMillis);
            skipped.clear();
            while (!agent.freeEmpty && nextSlice()) {
                // one slice per iteration
            }
        }
        agent = null;
        roleOffer = null;
        pickedFramework = null;
        pickedRole = null;
        pickedSlice = null;
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
        pickedFramework = null;
        role.frameworkSorter.forEach(frameworkVisitor);
        if (pickedFramework == null) {
            skipped.add(role);
            return true;
        }
        Resources slice = slicer.cut(offer);
        pickedSlice = slice == offer || fit.isAllocatable(agent, slice) ? slice : offer;
        pickedRole = role;
        return false;
    }

    private boolean visitFramework(FrameworkState fw) {
        if (eligibility.offerable(agent, fw, currentRole, roleOffer, now)) {
            pickedFramework = fw;
            return false;
        }
        return true;
    }
}
