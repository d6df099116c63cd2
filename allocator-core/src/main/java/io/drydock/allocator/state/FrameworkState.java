package io.drydock.allocator.state;

import io.drydock.allocator.FrameworkCapability;
import io.drydock.allocator.FrameworkId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mutable per-framework bookkeeping (internal). */
public final class FrameworkState {

    public final FrameworkId id;
    /** {@code id.value()}, the framework's client name in its roles' sorters (read per offer without touching the id). */
    public final String name;
    public final Map<String, RoleState> roles = new LinkedHashMap<>();
    /** Roles this framework suppressed; read on every offer, so emptiness is also kept in a field. */
    private final Set<String> suppressed = new LinkedHashSet<>();
    private boolean anySuppressed;
    public Set<FrameworkCapability> capabilities;
    /** Beyond Mesos: skip agents whose unavailability starts within this lookahead; null = Mesos behaviour. */
    public Duration maintenanceLookahead;
    public boolean active;
    /** Agents where this framework has offered or allocated resources. */
    public final Set<AgentState> agents = new LinkedHashSet<>();
    /** Agents holding offer filters of this framework. */
    public final Set<AgentState> filteredAgents = new LinkedHashSet<>();

    public FrameworkState(FrameworkId id, List<RoleState> roles, Set<FrameworkCapability> capabilities,
                          Duration maintenanceLookahead) {
        this.id = id;
        this.name = id.value();
        for (RoleState r : roles) {
            this.roles.put(r.name, r);
        }
        this.capabilities = capabilities;
        this.maintenanceLookahead = maintenanceLookahead;
    }

    /** True when the framework takes offers in {@code role} (active and not suppressed there). */
    public boolean offersWanted(String role) {
        return active && (!anySuppressed || !suppressed.contains(role));
    }

    public boolean isSuppressed(String role) {
        return anySuppressed && suppressed.contains(role);
    }

    public void suppress(java.util.Collection<String> roles) {
        suppressed.addAll(roles);
        anySuppressed = !suppressed.isEmpty();
    }

    public void unsuppress(String role) {
        suppressed.remove(role);
        anySuppressed = !suppressed.isEmpty();
    }
}
