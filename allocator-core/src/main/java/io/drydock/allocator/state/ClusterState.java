package io.drydock.allocator.state;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.OfferId;
import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.ResourceType;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.role.Roles;
import io.drydock.allocator.sort.DrfSorter;
import io.drydock.allocator.sort.RandomSorter;
import io.drydock.allocator.sort.ScalarTotals;
import io.drydock.allocator.sort.Sorter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allocator's book (internal): agents, frameworks, roles, sorters, outstanding offers and the
 * allocation primitives that keep every index consistent. Single-threaded.
 */
public final class ClusterState {

    public final ScalarTotals totals = new ScalarTotals();
    public final Map<AgentId, AgentState> agents = new LinkedHashMap<>();
    /** The agents in insertion order, for cache-friendly runs. */
    public final List<AgentState> agentList = new ArrayList<>();
    /** Agents deactivated, and agents with an unavailability (lets runs skip per-agent checks). */
    public int inactiveAgents;
    public int unavailableAgents;
    public final Map<FrameworkId, FrameworkState> frameworks = new LinkedHashMap<>();
    public final Map<String, RoleState> roles = new LinkedHashMap<>();
    public final Map<OfferId, OfferRecord> offers = new LinkedHashMap<>();
    public final Sorter<RoleState> roleSorter;
    public final Sorter<RoleState> quotaSorter;
    /** Unreserved scalars free on all agents (available headroom, spec §9.3). */
    public final long[] unreservedFree = new long[ScalarTotals.CAPACITY];
    private final boolean randomSorter;
    private final long seed;
    private final String offerIdPrefix;
    private long nextOfferId = 1;
    private int nextAgentIndex;
    private int quotaRoles;
    /** When non-null, role-sorter updates are queued here (during a walk of the role sorter). */
    private boolean deferring;
    private final List<RoleState> deferred = new ArrayList<>();

    public ClusterState(boolean randomSorter, long seed, String offerIdPrefix) {
        this.randomSorter = randomSorter;
        this.seed = seed;
        this.offerIdPrefix = offerIdPrefix + "-";
        this.roleSorter = newSorter(true, seed);
        this.quotaSorter = newSorter(false, seed + 1);
    }

    private <T> Sorter<T> newSorter(boolean hierarchical, long s) {
        return randomSorter ? new RandomSorter<>(totals, s) : new DrfSorter<>(totals, hierarchical);
    }

    public OfferId nextOfferId() {
        return OfferId.of(offerIdPrefix + nextOfferId++);
    }

    public int nextAgentIndex() {
        return nextAgentIndex++;
    }

    public boolean quotaConfigured() {
        return quotaRoles > 0;
    }

    /** Gets or creates a (validated) role and its ancestors. */
    public RoleState role(String name) {
        RoleState r = roles.get(name);
        if (r != null) {
            return r;
        }
        Roles.requireValid(name);
        String top = Roles.topLevel(name);
        RoleState topState = top.equals(name) ? null : role(top);
        r = new RoleState(name, topState, newSorter(false, seed + name.hashCode()));
        roles.put(name, r);
        roleSorter.add(name, r);
        return r;
    }

    /** Fills {@code out} with the scalars of {@code r} (all, or unreserved only). */
    public long[] scalars(Resources r, long[] out, boolean unreservedOnly) {
        java.util.Arrays.fill(out, 0);
        for (Resource res : r.items()) {
            if (res.type() == ResourceType.SCALAR && (!unreservedOnly || res.isUnreserved())) {
                out[totals.indexOf(res.name())] += res.scalarMillis();
            }
        }
        return out;
    }

    private final long[] tmp = new long[ScalarTotals.CAPACITY];
    private final long[] tmpUnreserved = new long[ScalarTotals.CAPACITY];

    // ---- agents ----------------------------------------------------------------------------

    public void addTotal(AgentState a, Resources total, int sign) {
        totals.add(scalars(total, tmp, false), sign);
        addFree(total.unreserved(), sign);
        Set<String> reservedRoles = new HashSet<>();
        for (Resource res : total.items()) {
            if (!res.isUnreserved()) {
                RoleState role = role(res.role());
                reservedRoles.add(role.name);
                if (res.type() == ResourceType.SCALAR) {
                    role.top.reserved[totals.indexOf(res.name())] += sign * res.scalarMillis();
                }
            }
        }
        for (String r : reservedRoles) {
            roles.get(r).reservedAgents += sign;
        }
    }

    private void addFree(Resources unreserved, int sign) {
        scalars(unreserved, tmpUnreserved, true);
        for (int i = 0; i < totals.size(); i++) {
            unreservedFree[i] += sign * tmpUnreserved[i];
        }
    }

    public void setActive(AgentState a, boolean active) {
        inactiveAgents += (a.active ? 1 : 0) - (active ? 1 : 0);
        a.active = active;
    }

    public void setUnavailability(AgentState a, io.drydock.allocator.maintenance.Unavailability u) {
        unavailableAgents += (u != null ? 1 : 0) - (a.unavailability != null ? 1 : 0);
        a.unavailability = u;
    }

    // ---- allocation primitives -------------------------------------------------------------

    /** Starts queueing role-sorter updates (used while walking the role sorter). */
    public void deferRoleSorter() {
        deferring = true;
    }

    /** Applies queued role-sorter updates and stops queueing. */
    public void flushRoleSorter() {
        deferring = false;
        for (int i = 0; i < deferred.size(); i++) {
            RoleState role = deferred.get(i);
            applyRoleSorter(role, role.pending, 1);
            java.util.Arrays.fill(role.pending, 0);
            role.hasPending = false;
        }
        deferred.clear();
    }

    /** Moves {@code res} from free to used by (framework, role) on the agent. */
    public void allocate(AgentState a, FrameworkState fw, RoleState role, Resources res) {
        a.setFree(res == a.free ? Resources.EMPTY : a.free.minus(res));
        holdUsed(a, fw, role, res);
        account(a, fw, role, res, 1);
    }

    /** Moves {@code res} from free to an offer (the caller records the offer on the agent). */
    public void allocateOffer(AgentState a, FrameworkState fw, RoleState role, Resources res) {
        a.setFree(res == a.free ? Resources.EMPTY : a.free.minus(res));
        account(a, fw, role, res, 1);
    }

    /** Returns offered {@code res} to free (the caller removes the offer record). */
    public void releaseOffer(AgentState a, FrameworkState fw, RoleState role, Resources res) {
        a.setFree(a.free.isEmpty() ? res : a.free.plus(res));
        account(a, fw, role, res, -1);
    }

    /** Offered {@code used} becomes used (ACCEPT with LAUNCH); accounting is unchanged. */
    public void holdUsed(AgentState a, FrameworkState fw, RoleState role, Resources used) {
        if (!used.isEmpty()) {
            a.allocations.merge(new AllocationKey(fw, role), used, Resources::plus);
            fw.agents.add(a);
        }
    }

    /** Returns {@code res} of (framework, role) on the agent to free; fails if not allocated. */
    public void unallocate(AgentState a, FrameworkState fw, RoleState role, Resources res) {
        AllocationKey key = new AllocationKey(fw, role);
        Resources held = a.allocations.get(key);
        if (held == null || !held.contains(res)) {
            throw new IllegalArgumentException("Resources " + res + " are not allocated to framework "
                    + fw.id + " in role " + role.name + " on agent " + a.id);
        }
        Resources left = held.minus(res);
        if (left.isEmpty()) {
            a.allocations.remove(key);
            boolean holdsMore = false;
            for (AllocationKey k : a.allocations.keySet()) {
                holdsMore |= k.framework() == fw;
            }
            if (!holdsMore) {
                fw.agents.remove(a);
            }
        } else {
            a.allocations.put(key, left);
        }
        a.setFree(a.free.isEmpty() ? res : a.free.plus(res));
        account(a, fw, role, res, -1);
    }

    private void account(AgentState a, FrameworkState fw, RoleState role, Resources res, int sign) {
        if (a.memoResources != res) {
            a.memoResources = res;
            a.memoAllocatable = -1;
            if (a.memoScalars == null) {
                a.memoScalars = new long[ScalarTotals.CAPACITY];
                a.memoUnreserved = new long[ScalarTotals.CAPACITY];
            } else {
                // Reused: nothing keeps the arrays beyond an accounting call.
                java.util.Arrays.fill(a.memoScalars, 0);
                java.util.Arrays.fill(a.memoUnreserved, 0);
            }
            for (Resource r : res.items()) {
                if (r.type() == ResourceType.SCALAR) {
                    int i = totals.indexOf(r.name());
                    a.memoScalars[i] += r.scalarMillis();
                    if (r.isUnreserved()) {
                        a.memoUnreserved[i] += r.scalarMillis();
                    }
                }
            }
        }
        long[] all = a.memoScalars;
        long[] unreserved = a.memoUnreserved;
        RoleState top = role.top;
        for (int i = 0, size = totals.size(); i < size; i++) {
            top.subtreeAllocated[i] += sign * all[i];
            top.unreservedAllocated[i] += sign * unreserved[i];
            unreservedFree[i] -= sign * unreserved[i];
        }
        String fwName = fw.name;
        if (sign > 0) {
            if (!role.frameworkSorter.contains(fwName)) {
                role.frameworkSorter.add(fwName, fw);
            }
            role.frameworkSorter.allocated(fwName, all);
        } else if (role.frameworkSorter.contains(fwName)) {
            role.frameworkSorter.unallocated(fwName, all);
        }
        if (deferring && sign > 0) {
            if (!role.hasPending) {
                role.hasPending = true;
                deferred.add(role);
            }
            for (int i = 0; i < totals.size(); i++) {
                role.pending[i] += all[i];
            }
        } else {
            applyRoleSorter(role, all, sign);
        }
    }

    private void applyRoleSorter(RoleState role, long[] all, int sign) {
        if (sign > 0) {
            roleSorter.allocated(role.name, all);
        } else {
            roleSorter.unallocated(role.name, all);
        }
        if (role.top.hasGuarantee) {
            if (sign > 0) {
                quotaSorter.allocated(role.top.name, all);
            } else {
                quotaSorter.unallocated(role.top.name, all);
            }
        }
    }

    // ---- roles, quota, activity ------------------------------------------------------------

    /** Re-derives whether a role takes part in the role sorter walk. */
    public void refreshActivity(RoleState role) {
        if (role.activeFrameworks > 0 && !role.blockedThisCycle) {
            roleSorter.activate(role.name);
        } else {
            roleSorter.deactivate(role.name);
        }
    }

    public void setQuota(RoleState role, Quota quota) {
        boolean had = !role.quota.isNone();
        if (role.hasGuarantee) {
            quotaSorter.remove(role.name);
        }
        role.quota = quota;
        java.util.Arrays.fill(role.guarantee, 0);
        java.util.Arrays.fill(role.limit, Long.MAX_VALUE);
        quota.guarantees().millis().forEach((n, v) -> role.guarantee[totals.indexOf(n)] = v);
        quota.limits().millis().forEach((n, v) -> role.limit[totals.indexOf(n)] = v);
        role.hasGuarantee = !quota.guarantees().isEmpty();
        role.hasLimit = !quota.limits().isEmpty();
        if (role.hasGuarantee) {
            quotaSorter.add(role.name, role);
            quotaSorter.allocated(role.name, role.subtreeAllocated.clone());
        }
        quotaRoles += (quota.isNone() ? 0 : 1) - (had ? 1 : 0);
    }

    /**
     * Resources held (outstanding offers and used) in a role's subtree, by framework (sorted by framework
     * id): one entry per agent allocation and per offer. They are not summed into one {@link Resources}:
     * resources on different agents are different resources even when they look alike (two agents'
     * {@code ports:[31000-32000]}), so only their quantities may be added.
     */
    public Map<io.drydock.allocator.FrameworkId, java.util.List<Resources>> allocationsOf(String role) {
        Map<io.drydock.allocator.FrameworkId, java.util.List<Resources>> out = new java.util.TreeMap<>();
        for (AgentState a : agents.values()) {
            a.allocations.forEach((k, r) -> {
                if (k.role().name.equals(role) || Roles.isStrictSubroleOf(k.role().name, role)) {
                    out.computeIfAbsent(k.framework().id, f -> new java.util.ArrayList<>()).add(r);
                }
            });
        }
        for (OfferRecord o : offers.values()) {
            if (o.role().name.equals(role) || Roles.isStrictSubroleOf(o.role().name, role)) {
                out.computeIfAbsent(o.framework().id, f -> new java.util.ArrayList<>()).add(o.resources());
            }
        }
        return out;
    }

    /** Roles referenced so far plus their ancestors, sorted. */
    public Set<String> knownRoles() {
        Set<String> out = new java.util.TreeSet<>(roles.keySet());
        roles.keySet().forEach(r -> out.addAll(Roles.ancestors(r)));
        return out;
    }


}
