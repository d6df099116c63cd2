package io.drydock.allocator.state;

import io.drydock.allocator.filter.OfferFilters;
import io.drydock.allocator.FrameworkCapability;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Framework activity per role (internal): a framework takes part in a role's framework sorter while it
 * is active and not suppressed there; a role takes part in the role sorter while it has such frameworks.
 */
public final class FrameworkActivity {

    private final ClusterState state;

    public FrameworkActivity(ClusterState state) {
        this.state = state;
    }

    /** Activates or deactivates the framework in {@code roles} (suppressed roles are left alone). */
    public void set(FrameworkState fw, Set<String> roles, boolean on) {
        for (String name : roles) {
            RoleState r = fw.roles.get(name);
            if (r == null || fw.isSuppressed(name) || !fw.active && !on) {
                continue;
            }
            if (on) {
                r.frameworkSorter.activate(fw.id.value());
                r.activeFrameworks++;
            } else {
                r.frameworkSorter.deactivate(fw.id.value());
                r.activeFrameworks--;
            }
            state.refreshActivity(r);
        }
    }

    /** Applies a re-subscription: roles added and removed, capabilities and lookahead replaced. */
    public void update(FrameworkState fw, List<RoleState> roles, Set<FrameworkCapability> capabilities,
                       Duration lookahead) {
        Set<String> names = new java.util.HashSet<>();
        roles.forEach(r -> names.add(r.name));
        Set<String> removed = new java.util.HashSet<>(fw.roles.keySet());
        removed.removeAll(names);
        set(fw, removed, false);
        for (String r : removed) {
            fw.roles.remove(r);
            fw.unsuppress(r);
        }
        List<String> added = new java.util.ArrayList<>();
        for (RoleState r : roles) {
            if (fw.roles.putIfAbsent(r.name, r) == null) {
                added.add(r.name);
                if (!r.frameworkSorter.contains(fw.id.value())) {
                    r.frameworkSorter.add(fw.id.value(), fw);
                }
            }
        }
        if (fw.active) {
            set(fw, Set.copyOf(added), true);
        }
        fw.capabilities = capabilities;
        fw.maintenanceLookahead = lookahead;
    }

    /** SUPPRESS {@code roles} (all subscribed when empty). */
    public void suppress(FrameworkState fw, Set<String> roles) {
        Set<String> target = roles.isEmpty() ? fw.roles.keySet() : roles;
        set(fw, target, false);
        fw.suppress(target.stream().filter(fw.roles::containsKey).toList());
    }

    /** REVIVE {@code roles} (all subscribed when empty) and clear their offer filters. */
    public void revive(FrameworkState fw, Set<String> roles) {
        Set<String> target = roles.isEmpty() ? Set.copyOf(fw.roles.keySet()) : roles;
        List<String> wasSuppressed = target.stream().filter(fw::isSuppressed).toList();
        wasSuppressed.forEach(fw::unsuppress);
        if (fw.active) {
            for (String r : wasSuppressed) {
                RoleState role = fw.roles.get(r);
                role.frameworkSorter.activate(fw.id.value());
                role.activeFrameworks++;
                state.refreshActivity(role);
            }
        }
        OfferFilters.clear(fw, roles);
    }
}
