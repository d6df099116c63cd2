package io.drydock.allocator;

import io.drydock.allocator.cycle.AllocationCycle;
import io.drydock.allocator.maintenance.InverseOfferBook;
import io.drydock.allocator.maintenance.Unavailability;
import io.drydock.allocator.quota.OfferFit;
import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.role.Roles;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.ClusterState;
import io.drydock.allocator.state.FrameworkState;
import io.drydock.allocator.state.OfferLedger;
import io.drydock.allocator.state.RoleState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The allocation engine (spec §9) as a plain library: fed by calls, it returns a {@link Plan}.
 * <p>Contract:
 * <ul>
 *   <li>Single-threaded: the master calls it from one thread (its allocation actor).</li>
 *   <li>Offered resources count as allocated until the master reports them back with
 *       {@link #acceptOffer}, {@link #declineOffer} or {@link #rescindOffer}; running tasks' resources
 *       stay allocated until {@link #recoverResources}.</li>
 *   <li>Invariants: an agent's offered + allocated resources never exceed its total, no resource is
 *       offered twice, reserved resources go only to their role or its sub-roles, quota limits are
 *       never exceeded by offers.</li>
 *   <li>Deterministic: the same calls with the same clock readings and seed give the same plans.</li>
 *   <li>Contract violations (unknown ids, resources not held) throw {@link IllegalArgumentException};
 *       stale offer ids are ignored as in Mesos.</li>
 * </ul>
 * Drive it with {@link #allocate()} every allocation interval and {@link #allocate(Collection)} for
 * event-triggered runs (agent added, framework added/activated, revive, unavailability change).
 */
public final class Allocator {

    private final AllocatorBuilder config;
    private final Clock clock;
    private final ClusterState state;
    private final InverseOfferBook inverseOffers = new InverseOfferBook();
    private final AllocationCycle cycle;
    private final OfferLedger ledger;
    private final AgentCalls agents;
    private final FrameworkCalls frameworks;

    Allocator(AllocatorBuilder b) {
        this.config = b;
        this.clock = b.clock;
        this.state = new ClusterState(b.sorter == AllocatorBuilder.SorterKind.RANDOM, b.seed, b.offerIdPrefix);
        this.cycle = new AllocationCycle(state, inverseOffers, new OfferFit(state, b.minAllocatable), b.seed,
                b.maintenanceAwarePlacement, b.filterGpuResources, b.offerTimeout, b.offerSlice);
        this.ledger = new OfferLedger(state, clock, b.allocationInterval);
        this.agents = new AgentCalls(state, ledger, inverseOffers);
        this.frameworks = new FrameworkCalls(state, ledger, inverseOffers, this::whitelisted);
    }

    /** A builder with Mesos defaults (see {@link AllocatorBuilder}). */
    public static AllocatorBuilder builder() {
        return new AllocatorBuilder();
    }

    // ---- agents ------------------------------------------------------------------------------

    /** Adds an agent with all of {@code total} free; then call {@link #addAllocation} for running tasks. */
    public void addAgent(AgentId id, MachineId machine, Resources total, Map<String, String> attributes) {
        agents.add(id, machine, total, attributes);
    }

    /** Removes an agent: its offers and inverse offers are rescinded and its allocations dropped. */
    public List<Rescind> removeAgent(AgentId id) {
        return agents.remove(id);
    }

    /**
     * Updates an agent's total (e.g. after an operator RESERVE/UNRESERVE or a volume change) and
     * attributes. The new total must contain what is allocated. Changed attributes clear its filters.
     */
    public void updateAgent(AgentId id, Resources total, Map<String, String> attributes) {
        agents.update(id, total, attributes);
    }

    /** Reactivates an agent (REACTIVATE_AGENT); deactivated agents are not candidates. */
    public void activateAgent(AgentId id) {
        state.setActive(agent(id), true);
    }

    public void deactivateAgent(AgentId id) {
        state.setActive(agent(id), false);
    }

    // ---- frameworks --------------------------------------------------------------------------

    /** Adds a framework, active or not. Roles are implicit unless a whitelist is configured. */
    public void addFramework(FrameworkSpec spec, boolean active) {
        frameworks.add(spec, active);
    }

    /** Removes a framework and recovers everything it held (offers need no rescind: it is gone). */
    public void removeFramework(FrameworkId id) {
        frameworks.remove(id);
    }

    public void activateFramework(FrameworkId id) {
        frameworks.activate(id);
    }

    /** Deactivates a framework: its outstanding offers are rescinded and its inverse offers dropped. */
    public List<Rescind> deactivateFramework(FrameworkId id) {
        return frameworks.deactivate(id);
    }

    /** SUPPRESS: no offers in {@code roles} (all subscribed roles when empty). */
    public void suppressOffers(FrameworkId id, Set<String> roles) {
        frameworks.suppress(id, roles);
    }

    /** REVIVE: un-suppresses {@code roles} (all when empty), clears their offer filters and all inverse-offer filters. */
    public void reviveOffers(FrameworkId id, Set<String> roles) {
        frameworks.revive(id, roles);
    }

    // ---- offers and allocations --------------------------------------------------------------

    /**
     * ACCEPT: {@code used} (a part of the offer) stays allocated to the framework, the rest is
     * recovered with {@code filters}. Unknown offer ids are ignored (returns false).
     */
    public boolean acceptOffer(OfferId offerId, Resources used, Filters filters) {
        return ledger.accept(offerId, used, filters);
    }

    /** DECLINE with filters (refuse_seconds; see {@link Filters}). Unknown ids are ignored. */
    public boolean declineOffer(OfferId offerId, Filters filters) {
        return ledger.decline(offerId, filters);
    }

    /** The master withdrew an offer (e.g. its own offer timeout): resources return with no filter. */
    public boolean rescindOffer(OfferId offerId) {
        return ledger.decline(offerId, Filters.NONE);
    }

    /** Resources of a framework in a role come back (task finished, agent lost part, ...). */
    public void recoverResources(FrameworkId frameworkId, AgentId agentId, String role, Resources resources,
                                 Filters filters) {
        ledger.recover(framework(frameworkId), agent(agentId), state.role(role), resources, filters);
    }

    /** Applies an offer operation's conversion to held resources (RESERVE, CREATE, UNRESERVE, DESTROY). */
    public void convertAllocation(FrameworkId frameworkId, AgentId agentId, String role, Resources from,
                                  Resources to) {
        ledger.convert(framework(frameworkId), agent(agentId), state.role(role), from, to);
    }

    /** Re-subscription: new roles, capabilities or maintenance lookahead; held resources stay. */
    public void updateFramework(FrameworkSpec spec) {
        frameworks.update(spec);
    }

    /** Records resources already in use by a framework (agent re-registration, failover recovery). */
    public void addAllocation(FrameworkId frameworkId, AgentId agentId, String role, Resources used) {
        AgentState a = agent(agentId);
        if (!a.free.contains(used)) {
            throw new IllegalArgumentException("Agent " + agentId + " has no free " + used);
        }
        state.allocate(a, framework(frameworkId), state.role(role), used);
    }

    // ---- weights, quota, maintenance ---------------------------------------------------------

    /** UPDATE_WEIGHTS: role → weight (> 0). Takes effect at the next run. */
    public void updateWeights(Map<String, Double> weights) {
        weights.forEach((role, w) -> {
            Roles.requireValid(role);
            if (!whitelisted(role)) {
                throw new IllegalArgumentException("Unknown role '" + role + "'");
            }
            if (!(w > 0)) {
                throw new IllegalArgumentException("Weight of role '" + role + "' must be positive");
            }
        });
        weights.forEach((role, w) -> {
            state.role(role).weight = w;
            state.roleSorter.updateWeight(role, w);
        });
    }

    /** UPDATE_QUOTA for a top-level role; {@link Quota#NONE} removes it. Takes effect at the next run. */
    public void updateQuota(String role, Quota quota) {
        Roles.requireValid(role);
        if (!whitelisted(role)) {
            throw new IllegalArgumentException("Invalid QuotaConfig: '" + role + "' is not on the roles whitelist");
        }
        if (role.contains("/")) {
            throw new IllegalArgumentException("Quota is not supported on nested role '" + role + "'");
        }
        state.setQuota(state.role(role), quota);
    }

    /**
     * Sets (or clears, with null) an agent's unavailability. Its outstanding offers and inverse offers
     * are rescinded (offers come back carrying the new unavailability in the next run), and its
     * inverse-offer filters and statuses are cleared.
     */
    public List<Rescind> updateUnavailability(AgentId id, Unavailability unavailability) {
        AgentState a = agent(id);
        state.setUnavailability(a, unavailability);
        List<Rescind> rescinds = ledger.rescindOffersOn(a);
        rescinds.addAll(inverseOffers.resetAgent(a));
        return rescinds;
    }

    /** ACCEPT_INVERSE_OFFERS for one id; null when the id is not outstanding for the framework. */
    public InverseOfferStatus acceptInverseOffer(FrameworkId frameworkId, OfferId id, Filters filters) {
        return inverseOffers.respond(framework(frameworkId), id, InverseOfferStatus.Answer.ACCEPT, filters.refuse(),
                clock.instant());
    }

    /** DECLINE_INVERSE_OFFERS for one id; null when the id is not outstanding for the framework. */
    public InverseOfferStatus declineInverseOffer(FrameworkId frameworkId, OfferId id, Filters filters) {
        return inverseOffers.respond(framework(frameworkId), id, InverseOfferStatus.Answer.DECLINE,
                filters.refuse(), clock.instant());
    }

    // ---- allocation runs ---------------------------------------------------------------------

    /** A full run over all agents at the clock's now. */
    public Plan allocate() {
        return cycle.run(null, clock.instant());
    }

    /** An event-triggered run over some agents (unknown ids are skipped). */
    public Plan allocate(Collection<AgentId> agentIds) {
        List<AgentState> subset = new ArrayList<>();
        for (AgentId id : new TreeSet<>(agentIds)) {
            AgentState a = state.agents.get(id);
            if (a != null) {
                subset.add(a);
            }
        }
        return cycle.run(subset, clock.instant());
    }

    // ---- queries -----------------------------------------------------------------------------

    public Resources total(AgentId id) {
        return agent(id).total;
    }

    /** Offered plus allocated resources on the agent. */
    public Resources allocated(AgentId id) {
        return agent(id).allocated();
    }

    public Resources free(AgentId id) {
        return agent(id).free;
    }

    public List<Offer> outstandingOffers() {
        return ledger.outstanding();
    }

    public List<InverseOffer> outstandingInverseOffers() {
        return inverseOffers.outstanding();
    }

    public List<InverseOfferStatus> inverseOfferStatuses(AgentId id) {
        return inverseOffers.statuses(agent(id));
    }

    /** The weighted dominant share of a role (0 if unknown). */
    public double share(String role) {
        return state.roleSorter.share(role);
    }

    /**
     * Resources allocated (offered or used) to a role's subtree, by framework: one entry per agent
     * allocation and per offer (add their quantities, not the resources: alike resources on two agents
     * are distinct).
     */
    public Map<FrameworkId, List<Resources>> allocationsOf(String role) {
        return state.allocationsOf(role);
    }

    /** Known roles, sorted (those referenced by frameworks, reservations, weights or quota). */
    public Set<String> knownRoles() {
        return state.knownRoles();
    }

    private boolean whitelisted(String role) {
        return config.whitelist == null || config.whitelist.contains(role);
    }

    private AgentState agent(AgentId id) {
        return agents.get(id);
    }

    private FrameworkState framework(FrameworkId id) {
        return frameworks.get(id);
    }
}
