package io.drydock.master.agent;

import io.drydock.events.MachineId;
import java.time.Instant;
import java.util.Map;

/**
 * A registered agent.
 *
 * @param endpoint the base URL the master calls it at
 * @param resources its total resources as a Mesos resources string
 */
public record AgentInfo(String id, String hostname, String ip, String endpoint, String resources,
    Map<String, String> attributes, Instant registeredAt) {

  public AgentInfo {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public MachineId machine() {
    return new MachineId(hostname, ip);
  }
}
