package io.drydock.allocator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the allocator needs of a subscribing framework.
 *
 * @param id framework id
 * @param roles subscribed roles (at least one; each a valid role name)
 * @param capabilities capabilities (GPU_RESOURCES matters for GPU agents)
 * @param maintenanceLookahead beyond Mesos: when present, the framework is not offered resources on
 *                             agents whose unavailability starts within this lookahead (or has started
 *                             and not ended); absent = Mesos behaviour
 */
public record FrameworkSpec(FrameworkId id, List<String> roles, Set<FrameworkCapability> capabilities,
                            Optional<Duration> maintenanceLookahead) {

    public FrameworkSpec {
        roles = List.copyOf(roles);
        capabilities = Set.copyOf(capabilities);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A framework needs at least one role");
        }
        if (roles.size() != Set.copyOf(roles).size()) {
            throw new IllegalArgumentException("'FrameworkInfo.roles' contains duplicate items");
        }
    }

    /** A MULTI_ROLE framework in {@code roles} without lookahead. */
    public static FrameworkSpec of(String id, String... roles) {
        return new FrameworkSpec(FrameworkId.of(id), List.of(roles), Set.of(FrameworkCapability.MULTI_ROLE),
                Optional.empty());
    }

    public FrameworkSpec withLookahead(Duration lookahead) {
        return new FrameworkSpec(id, roles, capabilities, Optional.of(lookahead));
    }

    public FrameworkSpec withCapabilities(Set<FrameworkCapability> caps) {
        return new FrameworkSpec(id, roles, caps, maintenanceLookahead);
    }
}
