package io.drydock.allocator;

import io.drydock.allocator.filter.OfferFilters;
import io.drydock.allocator.maintenance.InverseOfferBook;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.role.Roles;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.AllocationKey;
import io.drydock.allocator.state.ClusterState;
import io.drydock.allocator.state.FrameworkActivity;
import io.drydock.allocator.state.FrameworkState;
import io.drydock.allocator.state.OfferLedger;
import io.drydock.allocator.state.RoleState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The framework half of {@link Allocator}'s calls: the framework lifecycle. */
final class FrameworkCalls {

    private final ClusterState state;
    private final OfferLedger ledger;
    private final InverseOfferBook inverseOffers;
    private final FrameworkActivity activity;
    private final Predicate<String> whitelisted;

    FrameworkCalls(ClusterState state, OfferLedger ledger, InverseOfferBook inverseOffers,
                   Predicate<String> whitelisted) {
        this.state = state;
        this.ledger = ledger;
        this.inverseOffers = inverseOffers;
        this.activity = new FrameworkActivity(state);
        this.whitelisted = whitelisted;
    }

    void add(FrameworkSpec spec, boolean active) {
        if (state.frameworks.containsKey(spec.id())) {
            throw new IllegalArgumentException("Framework " + spec.id() + " already added");
        }
        for (String r : spec.roles()) {
            Roles.validate(r).ifPresent(m -> {
                throw new IllegalArgumentException("'FrameworkInfo.roles' contains invalid role: " + m);
            });
        }
        List<String> unknown = spec.roles().stream().filter(whitelisted.negate()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Roles { " + String.join(", ", unknown)
                    + " } are not present in the master's --roles");
        }
        List<RoleState> roles = spec.roles().stream().map(state::role).toList();
        FrameworkState fw = new FrameworkState(spec.id(), roles, spec.capabilities(),
                spec.maintenanceLookahead().orElse(null));
        state.frameworks.put(spec.id(), fw);
        for (RoleState r : roles) {
            if (!r.frameworkSorter.contains(spec.id().value())) {
                r.frameworkSorter.add(spec.id().value(), fw);
            }
        }
        if (active) {
            activate(spec.id());
        }
    }

    void remove(FrameworkId id) {
        FrameworkState fw = get(id);
        deactivate(id);
        for (AgentState a : new ArrayList<>(fw.agents)) {
            for (Map.Entry<AllocationKey, Resources> e : new ArrayList<>(a.allocations.entrySet())) {
                if (e.getKey().framework() == fw) {
                    state.unallocate(a, fw, e.getKey().role(), e.getValue());
                }
            }
        }
        OfferFilters.clear(fw, Set.of());
        inverseOffers.dropFramework(fw, true);
        for (RoleState r : state.roles.values()) {
            r.frameworkSorter.remove(id.value());
        }
        state.frameworks.remove(id);
    }

    void activate(FrameworkId id) {
        FrameworkState fw = get(id);
        if (!fw.active) {
            fw.active = true;
            activity.set(fw, fw.roles.keySet(), true);
        }
    }

    List<Rescind> deactivate(FrameworkId id) {
        FrameworkState fw = get(id);
        List<Rescind> rescinds = new ArrayList<>();
        if (fw.active) {
            activity.set(fw, fw.roles.keySet(), false);
            fw.active = false;
            rescinds.addAll(ledger.rescindOffersOf(fw));
            inverseOffers.dropFramework(fw, false);
        }
        return rescinds;
    }

    void suppress(FrameworkId id, Set<String> roles) {
        activity.suppress(get(id), roles);
    }

    void revive(FrameworkId id, Set<String> roles) {
        FrameworkState fw = get(id);
        activity.revive(fw, roles);
        inverseOffers.clearFilters(fw);
    }

    void update(FrameworkSpec spec) {
        activity.update(get(spec.id()), spec.roles().stream().map(state::role).toList(), spec.capabilities(),
                spec.maintenanceLookahead().orElse(null));
    }

    FrameworkState get(FrameworkId id) {
        FrameworkState fw = state.frameworks.get(id);
        if (fw == null) {
            throw new IllegalArgumentException("Unknown framework " + id);
        }
        return fw;
    }
}
