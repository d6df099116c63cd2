package io.drydock.master.allocation;

import io.drydock.allocator.resources.Resources;
import java.util.List;

/**
 * What one ACCEPT did: the fate of every task, the conversions applied to the agent (in order) and the
 * operations dropped with the reason.
 *
 * @param agentId the offers' agent, or null when the offers were invalid
 * @param agentTotal the agent's total after the conversions, or null when none was applied
 */
public record AcceptOutcome(List<TaskAssignment> tasks, List<Applied> applied, List<Dropped> dropped,
    String agentId, Resources agentTotal) {

  /** A conversion applied to resources allocated to the framework in {@code role}. */
  public record Applied(int index, String type, String role, Resources from, Resources to) {}

  /** An operation that was not applied, and why (Mesos drops such operations; the ACCEPT still counts). */
  public record Dropped(int index, String type, String message) {}
}
