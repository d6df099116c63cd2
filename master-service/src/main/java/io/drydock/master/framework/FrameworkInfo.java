package io.drydock.master.framework;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A subscribed framework, as Mesos's {@code FrameworkInfo}.
 *
 * @param roles the roles it subscribed with (for a non-MULTI_ROLE framework, its single {@code role})
 * @param capabilities capability names ({@code MULTI_ROLE}, {@code PARTITION_AWARE} ...)
 * @param failoverTimeoutSeconds how long it may stay disconnected before it is removed
 * @param maintenanceLookahead beyond Mesos ({@code maintenance_lookahead_seconds}): no offers from agents
 *                             whose unavailability starts within it; null = Mesos behaviour
 */
public record FrameworkInfo(String id, String name, String user, String principal, List<String> roles,
    Set<String> capabilities, double failoverTimeoutSeconds, Duration maintenanceLookahead, Instant registeredAt) {

  public FrameworkInfo {
    roles = List.copyOf(roles);
    capabilities = Set.copyOf(capabilities);
  }

  public boolean partitionAware() {
    return capabilities.contains("PARTITION_AWARE");
  }

  public FrameworkInfo withId(String newId, Instant at) {
    return new FrameworkInfo(newId, name, user, principal, roles, capabilities, failoverTimeoutSeconds,
        maintenanceLookahead, at);
  }
}
