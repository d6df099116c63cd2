package io.drydock.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Resources offered to a framework for one role on one agent. When the agent's machine is scheduled
 * for maintenance the offer carries its {@code unavailability}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferEvent(
    String offerId,
    String frameworkId,
    String agentId,
    String hostname,
    MachineId machine,
    String role,
    List<Resource> resources,
    Map<String, String> attributes,
    Unavailability unavailability)
    implements DrydockEvent {

  @Override
  public String partitionKey() {
    return frameworkId;
  }
}
