package io.drydock.master.state;

import io.drydock.allocator.InverseOffer;
import io.drydock.allocator.InverseOfferStatus;
import io.drydock.allocator.Offer;
import io.drydock.allocator.resources.Resources;
import io.drydock.events.MachineId;
import io.drydock.master.agent.AgentInfo;
import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.machine.MachineModes.MachineState;
import io.drydock.master.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One consistent read of the cluster as a principal may see it: the allocator's numbers are taken in one
 * turn of the allocation actor. Quantities are Mesos quantities (name → number; ranges count their items).
 * The five resource figures are kept apart and never summed into each other: {@code total} (what the agents
 * have), {@code allocated} (used by tasks, Mesos's {@code used_resources}), {@code offered} (in outstanding
 * offers), {@code idle} (total − allocated − offered) and {@code reserved} (the part of total reserved to
 * roles, statically or dynamically, whether allocated, offered or idle).
 *
 * @param capacity the cluster's scalar totals, the denominators of dominant shares
 * @param machines every machine in maintenance (DRAINING, DOWN, or UP with a scheduled window)
 */
public record ClusterSnapshot(Instant at, List<AgentView> agents, List<FrameworkView> frameworks,
    List<Offer> offers, List<InverseOffer> inverseOffers, List<Task> tasks, Map<MachineId, MachineState> machines,
    Figures cluster, Map<String, Double> capacity) {

  /** The five separate resource figures of an agent or of the cluster. */
  public record Figures(Map<String, Double> total, Map<String, Double> allocated, Map<String, Double> offered,
      Map<String, Double> reserved, Map<String, Double> idle) {}

  /**
   * A registered agent.
   *
   * @param reservedByRole reservations on the agent by role, only roles the principal may view
   * @param totalResources the agent's total as Mesos Resource objects (with reservations and volumes)
   * @param inverseOfferStatuses the frameworks' latest answers to inverse offers for this agent
   */
  public record AgentView(AgentInfo info, Figures figures, Map<String, Map<String, Double>> reservedByRole,
      Resources totalResources, MachineState machine, List<InverseOfferStatus> inverseOfferStatuses) {}

  /**
   * A subscribed framework.
   *
   * @param dominantShare the largest fraction of any scalar resource of the cluster allocated to it
   *     (offered or used, as the allocator's DRF counts it), 0–1
   */
  public record FrameworkView(FrameworkInfo info, boolean connected, Map<String, Double> allocated,
      Map<String, Double> offered, double dominantShare) {}
}
