package io.drydock.allocator.cycle;

import io.drydock.allocator.InverseOffer;
import io.drydock.allocator.Offer;
import io.drydock.allocator.Plan;
import io.drydock.allocator.Rescind;
import io.drydock.allocator.filter.OfferFilters;
import io.drydock.allocator.maintenance.AgentOrder;
import io.drydock.allocator.maintenance.InverseOfferBook;
import io.drydock.allocator.quota.OfferFit;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.sort.Sorter;
import io.drydock.allocator.state.AgentPrefetch;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.ClusterState;
import io.drydock.allocator.state.FrameworkState;
import io.drydock.allocator.state.OfferRecord;
import io.drydock.allocator.state.RoleState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One allocation run (spec §9.3): order candidate agents, stage 1 (quota guarantees), stage 2 (fair
 * share), then inverse offers (§1.8). Per agent the role order is taken once, as in Mesos: sorter
 * updates caused by allocations on that agent are applied when the agent is done.
 * <p>With an offer slice configured (opt-in), stage 2 is {@link SlicedStage}, stage 1 offers only what
 * counts towards a guarantee (what is above it is shared in stage 2), and each framework's parts on an
 * agent become one offer at the end of the run ({@link PendingOffers}).
 */
public final class AllocationCycle {

    private final ClusterState state;
    private final InverseOfferBook inverseOffers;
    private final OfferFit fit;
    private final SplittableRandom random;
    private final boolean maintenanceAware;
    private final Eligibility eligibility;
    /** Both null unless offer slices are on. */
    private final SlicedStage sliced;
    private final PendingOffers pending;
    private final Duration offerTimeout;
    private final AgentPrefetch prefetch = new AgentPrefetch();
    private AgentState[] candidates = new AgentState[16];

    // Per-run scratch, reused across agents.
    private Instant now;
    private long nowMillis;
    private List<Offer> offers;
    private AgentState agent;
    private FrameworkState chosen;
    private Resources candidateOffer;
    private String currentRole;
    private final List<RoleState> satisfied = new ArrayList<>();
    private final Sorter.Visitor<RoleState> stage1Visitor = this::stage1Role;
    private final Sorter.Visitor<RoleState> stage2Visitor = this::stage2Role;
    private final Sorter.Visitor<FrameworkState> pickVisitor = this::pick;
    private final Sorter.Visitor<RoleState> quotaVisitor = this::stage1QuotaRole;

    public AllocationCycle(ClusterState state, InverseOfferBook inverseOffers, OfferFit fit, long seed,
                           boolean maintenanceAware, boolean filterGpuResources, Duration offerTimeout,
                           Resources offerSlice) {
        this.state = state;
        this.inverseOffers = inverseOffers;
        this.fit = fit;
        this.random = new SplittableRandom(seed);
        this.maintenanceAware = maintenanceAware;
        this.eligibility = new Eligibility(filterGpuResources);
        this.offerTimeout = offerTimeout;
        this.pending = offerSlice == null ? null : new PendingOffers(offerSlice);
        this.sliced = offerSlice == null ? null : new SlicedStage(state, fit, offerSlice, eligibility, pending);
    }

    /** Runs allocation over {@code requested} agents (all when null) at {@code at}. */
    public Plan run(Collection<AgentState> requested, Instant at) {
        now = at;
        nowMillis = OfferFilters.floorMillis(at);
        offers = new ArrayList<>();
        List<Rescind> rescinds = new ArrayList<>();
        if (offerTimeout != null) {
            expireOffers(rescinds);
            rescinds.addAll(inverseOffers.expire(now, offerTimeout));
        }
        int n = 0;
        boolean anyUnavailable = false;
        Collection<AgentState> pool = requested == null ? state.agentList : requested;
        if (candidates.length < pool.size()) {
            candidates = new AgentState[Math.max(pool.size(), candidates.length * 2)];
        }
        if (requested == null && state.inactiveAgents == 0) {
            // Copy references only: touching every agent here would cost a cache miss each.
            n = state.agentList.size();
            candidates = state.agentList.toArray(candidates);
            anyUnavailable = state.unavailableAgents > 0;
        } else {
            for (AgentState a : pool) {
                if (a.active) {
                    candidates[n++] = a;
                    anyUnavailable |= a.unavailability != null;
                }
            }
        }
        fit.prepare();
        if (state.quotaConfigured()) {
            AgentOrder.order(candidates, n, random, maintenanceAware, anyUnavailable);
            stage1(n);
            blockSaturatedRoles(true);
        }
        AgentOrder.order(candidates, n, random, maintenanceAware, anyUnavailable);
        if (sliced == null) {
            stage2(n);
        } else {
            sliced.run(candidates, n, now, nowMillis);
            pending.flush(this::emit);
        }
        if (state.quotaConfigured()) {
            blockSaturatedRoles(false);
        }
        List<InverseOffer> ios = new ArrayList<>();
        if (anyUnavailable) {
            for (int i = 0; i < n; i++) {
                inverseOffers.generate(candidates[i], now, state::nextOfferId, ios);
            }
        }
        java.util.Arrays.fill(candidates, 0, n, null);
        Plan plan = new Plan(now, offers, ios, rescinds);
        offers = null;
        agent = null;
        return plan;
    }

    private void stage1(int n) {
        for (RoleState q : state.roles.values()) {
            if (q.isTopLevel() && q.hasGuarantee) {
                boolean hasActiveRoles = !state.roleSorter.forEachUnder(q.name, r -> false);
                if (hasActiveRoles && q.guaranteeUnsatisfied(state.totals.size())) {
                    state.quotaSorter.activate(q.name);
                } else {
                    state.quotaSorter.deactivate(q.name);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            prefetch.before(candidates, i, n);
            agent = candidates[i];
            if (agent.freeEmpty) {
                continue;
            }
            OfferFilters.expire(agent, now, nowMillis);
            state.deferRoleSorter();
            state.quotaSorter.forEach(quotaVisitor);
            state.flushRoleSorter();
            for (RoleState q : satisfied) {
                state.quotaSorter.deactivate(q.name);
            }
            satisfied.clear();
        }
    }

    private boolean stage1QuotaRole(RoleState quotaRole) {
        return state.roleSorter.forEachUnder(quotaRole.name, stage1Visitor) && !agent.freeEmpty;
    }

    private boolean stage1Role(RoleState role) {
        Resources offer = fit.stage1(agent, role, sliced == null);
        if (offer != null && fit.isAllocatable(agent, offer) && offerToFramework(role, offer)
                && !role.top.guaranteeUnsatisfied(state.totals.size())) {
            satisfied.add(role.top);
        }
        return !agent.freeEmpty;
    }

    private void stage2(int n) {
        for (int i = 0; i < n; i++) {
            prefetch.before(candidates, i, n);
            agent = candidates[i];
            if (agent.freeEmpty) {
                continue;
            }
            OfferFilters.expire(agent, now, nowMillis);
            state.deferRoleSorter();
            state.roleSorter.forEach(stage2Visitor);
            state.flushRoleSorter();
        }
    }

    private boolean stage2Role(RoleState role) {
        Resources offer = fit.stage2(agent, role);
        // offer == agent.free is known non-empty (freeEmpty ends the walk): skip touching the resources.
        if ((offer == agent.free || !offer.isEmpty()) && fit.isAllocatable(agent, offer)) {
            offerToFramework(role, offer);
        }
        return !agent.freeEmpty;
    }

    /** Walks the role's frameworks in order and offers to the first eligible one. */
    private boolean offerToFramework(RoleState role, Resources offer) {
        chosen = null;
        candidateOffer = offer;
        currentRole = role.name;
        role.frameworkSorter.forEach(pickVisitor);
        FrameworkState fw = chosen;
        chosen = null;
        if (fw == null) {
            return false;
        }
        fit.beforeAllocation(role.top);
        state.allocateOffer(agent, fw, role, offer);
        fit.afterAllocation(role.top);
        if (pending != null) {
            pending.addAnyOrder(agent, fw, role, offer);
        } else {
            emit(agent, fw, role, offer);
        }
        return true;
    }

    /** Records an offer of (already allocated) {@code offer} and adds it to the plan. */
    private void emit(AgentState a, FrameworkState fw, RoleState role, Resources offer) {
        OfferRecord record = new OfferRecord(state.nextOfferId(), fw, role, a, offer, now);
        state.offers.put(record.id(), record);
        a.addOffer(record);
        offers.add(new Offer(record.id(), fw.id, role.name, a.id, a.machine, offer,
                Optional.ofNullable(a.unavailability)));
    }

    private boolean pick(FrameworkState fw) {
        if (!eligibility.offerable(agent, fw, currentRole, candidateOffer, now)) {
            return true;
        }
        chosen = fw;
        return false;
    }

    /** Takes roles that can get nothing in stage 2 out of the role sorter for this run (and back). */
    private void blockSaturatedRoles(boolean block) {
        for (RoleState r : state.roles.values()) {
            if (block ? r.activeFrameworks > 0 && fit.blockedInStage2(r) : r.blockedThisCycle) {
                r.blockedThisCycle = block;
                state.refreshActivity(r);
            }
        }
    }

    private void expireOffers(List<Rescind> rescinds) {
        List<OfferRecord> expired = new ArrayList<>();
        for (OfferRecord o : state.offers.values()) {
            if (!now.isBefore(o.createdAt().plus(offerTimeout))) {
                expired.add(o);
            }
        }
        for (OfferRecord o : expired) {
            state.offers.remove(o.id());
            o.agent().removeOffer(o);
            state.releaseOffer(o.agent(), o.framework(), o.role(), o.resources());
            rescinds.add(new Rescind(o.id(), o.framework().id, o.agent().id, Rescind.Kind.OFFER));
        }
    }
}
