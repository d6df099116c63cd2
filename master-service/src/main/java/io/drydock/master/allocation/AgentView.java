package io.drydock.master.allocation;

import io.drydock.allocator.AgentId;
import io.drydock.events.MachineId;
import java.util.Map;

/**
 * What offers say about an agent.
 *
 * @param machine the agent's machine as it registered (hostname case preserved)
 */
public record AgentView(AgentId id, String hostname, MachineId machine, Map<String, String> attributes) {

  public AgentView {
    attributes = Map.copyOf(attributes);
  }
}
