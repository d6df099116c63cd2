package io.drydock.master.leader;

import org.springframework.context.SmartLifecycle;

/**
 * A lifecycle component that runs on the leader only (allocation, heartbeats, framework connectivity, the
 * machine-state consumer …). The context does not start it; {@link LeaderElection} starts it once this
 * replica is elected and has recovered from the registry, and stops it the moment leadership is lost.
 * Implementations must be restartable (start after stop).
 */
public interface LeaderOnly extends SmartLifecycle {

  @Override
  default boolean isAutoStartup() {
    return false;
  }
}
