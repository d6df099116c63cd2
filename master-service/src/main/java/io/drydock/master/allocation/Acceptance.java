package io.drydock.master.allocation;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.Allocator;
import io.drydock.allocator.Filters;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.Offer;
import io.drydock.allocator.OfferId;
import io.drydock.allocator.resources.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ACCEPT, on the allocation thread (spec §1.8, Mesos's {@code Master::_accept}): checks the offers
 * (outstanding, this framework's, one agent), then applies the operations in order against what is left of
 * the offered resources, pooled per role as Mesos pools aggregated offers — conversions replace what they
 * consume by what they produce, tasks take their resources — never trusting the client's amounts. What the
 * tasks use stays allocated, the rest comes back with the ACCEPT's filters.
 */
final class Acceptance {

  private final Allocator allocator;
  private final Map<OfferId, Offer> outstanding;
  private final FrameworkId framework;
  private final List<String> offerIds;
  private final List<OfferOperation> operations;
  private final Filters filters;

  private final List<Offer> found = new ArrayList<>();
  /** What is left of the offers, per role (offers are per role; a task or conversion uses one role's). */
  private final Map<String, Resources> left = new LinkedHashMap<>();
  private final List<TaskAssignment> tasks = new ArrayList<>();
  private final List<AcceptOutcome.Applied> applied = new ArrayList<>();
  private final List<AcceptOutcome.Dropped> dropped = new ArrayList<>();
  private Resources agentTotal;

  Acceptance(Allocator allocator, Map<OfferId, Offer> outstanding, FrameworkId framework, List<String> offerIds,
      List<OfferOperation> operations, Filters filters) {
    this.allocator = allocator;
    this.outstanding = outstanding;
    this.framework = framework;
    this.offerIds = offerIds;
    this.operations = operations;
    this.filters = filters;
  }

  AcceptOutcome apply() {
    String error = takeOffers();
    if (error != null) {
      for (Offer offer : found) {
        allocator.declineOffer(offer.id(), filters);
      }
      for (OfferOperation op : operations) {
        if (op.isLaunch()) {
          op.tasks().forEach(t -> tasks.add(
              TaskAssignment.refused(t.taskId(), t.agentId(), "REASON_INVALID_OFFERS", error)));
        } else {
          dropped.add(new AcceptOutcome.Dropped(op.index(), op.type(), error));
        }
      }
      return new AcceptOutcome(tasks, applied, dropped, null, null);
    }
    found.forEach(o -> left.merge(o.role(), o.resources(), Resources::plus));
    AgentId agent = found.get(0).agentId();
    agentTotal = allocator.total(agent);
    for (OfferOperation op : operations) {
      if (op.isLaunch()) {
        op.tasks().forEach(t -> tasks.add(fit(t, agent.value())));
      } else {
        convert(op);
      }
    }
    settle(agent);
    return new AcceptOutcome(tasks, applied, dropped, agent.value(), applied.isEmpty() ? null : agentTotal);
  }

  /** Moves the named offers out of the book; the first problem found, or null. */
  private String takeOffers() {
    String error = null;
    for (String value : offerIds) {
      Offer offer = outstanding.get(OfferId.of(value));
      if (offer == null || !offer.frameworkId().equals(framework)) {
        error = error != null ? error : "Offer " + value + " is no longer valid";
      } else if (!found.isEmpty() && !found.get(0).agentId().equals(offer.agentId())) {
        error = error != null ? error : "Aggregated offers must belong to one single agent";
      } else if (found.stream().noneMatch(o -> o.id().equals(offer.id()))) {
        found.add(offer);
      }
    }
    if (offerIds.isEmpty()) {
      error = "No offers specified";
    }
    for (Offer offer : found) {
      outstanding.remove(offer.id());
    }
    return error;
  }

  private void convert(OfferOperation op) {
    if (op.problem() != null) {
      dropped.add(new AcceptOutcome.Dropped(op.index(), op.type(), op.problem()));
      return;
    }
    for (Map.Entry<String, Resources> pool : left.entrySet()) {
      if (!pool.getValue().contains(op.from())) {
        continue;
      }
      String problem = op.check() == null ? null : op.check().problem(pool.getKey(), agentTotal);
      if (problem != null) {
        dropped.add(new AcceptOutcome.Dropped(op.index(), op.type(), problem));
        return;
      }
      pool.setValue(pool.getValue().minus(op.from()).plus(op.to()));
      agentTotal = agentTotal.minus(op.from()).plus(op.to());
      applied.add(new AcceptOutcome.Applied(op.index(), op.type(), pool.getKey(), op.from(), op.to()));
      return;
    }
    dropped.add(new AcceptOutcome.Dropped(op.index(), op.type(), "Invalid " + op.type() + " Operation: "
        + offered() + " does not contain " + op.from()));
  }

  private TaskAssignment fit(TaskRequest task, String agentId) {
    if (task.agentId() != null && !task.agentId().equals(agentId)) {
      return TaskAssignment.refused(task.taskId(), task.agentId(), "REASON_TASK_INVALID",
          "Task uses agent '" + task.agentId() + "' but the offers are for agent '" + agentId + "'");
    }
    if (task.resources().isEmpty()) {
      return TaskAssignment.refused(task.taskId(), agentId, "REASON_TASK_INVALID", "Task uses no resources");
    }
    for (Map.Entry<String, Resources> pool : left.entrySet()) {
      if (pool.getValue().contains(task.resources())) {
        pool.setValue(pool.getValue().minus(task.resources()));
        return new TaskAssignment(task.taskId(), agentId, pool.getKey(), task.resources(), null, null);
      }
    }
    return TaskAssignment.refused(task.taskId(), agentId, "REASON_TASK_INVALID",
        "Task uses more resources " + task.resources() + " than available " + offered());
  }

  /** What is left of all the offers. */
  private Resources offered() {
    Resources available = Resources.EMPTY;
    for (Resources pool : left.values()) {
      available = available.plus(pool);
    }
    return available;
  }

  /**
   * The offers are held whole, the conversions applied to the framework's allocation in their role (changing
   * the agent's total), and what is left of each role's pool comes back with the filters.
   */
  private void settle(AgentId agent) {
    for (Offer offer : found) {
      allocator.acceptOffer(offer.id(), offer.resources(), filters);
    }
    for (AcceptOutcome.Applied c : applied) {
      allocator.convertAllocation(framework, agent, c.role(), c.from(), c.to());
    }
    left.forEach((role, rest) -> {
      if (!rest.isEmpty()) {
        allocator.recoverResources(framework, agent, role, rest, filters);
      }
    });
  }
}
