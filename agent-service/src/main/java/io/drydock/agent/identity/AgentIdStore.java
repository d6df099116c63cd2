package io.drydock.agent.identity;

import java.util.Map;
import java.util.Optional;

/**
 * The agent ids the master assigned, per machine, kept across restarts of agent-service. A real agent
 * has one entry, a simulated fleet one per simulated machine.
 */
public interface AgentIdStore {

  Optional<String> find(MachineIdentity machine);

  /** Every stored id (one query, for a fleet of thousands). */
  Map<MachineIdentity, String> findAll();

  /** Remembers the id the master assigned to the agent on this machine, replacing an older one. */
  void save(MachineIdentity machine, String agentId);

  /** Forgets the id (the master shut the agent down: it registers afresh, as a Mesos agent does). */
  void forget(MachineIdentity machine);
}
