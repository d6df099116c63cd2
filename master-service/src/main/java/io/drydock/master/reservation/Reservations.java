package io.drydock.master.reservation;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.Allocator;
import io.drydock.allocator.Offer;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.master.agent.AgentInfo;
import io.drydock.master.agent.AgentRegistry;
import io.drydock.master.agent.AgentResourcesAdjuster;
import io.drydock.master.allocation.AllocationActor;
import io.drydock.master.operation.OperationException;
import io.drydock.master.operation.OperatorAudit;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.reservation.persistence.AgentReservationStore;
import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.Authorizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operator RESERVE, UNRESERVE, CREATE and DESTROY on a registered agent (spec §5.3, §6), validated and
 * authorized as Mesos does, applied to the agent's total on the allocation actor (outstanding offers on the
 * agent are rescinded until enough is free; 409 when it never is), then the agent's dynamic resources are
 * stored with an audit entry. On (re-)registration an agent gets its stored dynamic resources back.
 */
@Component
public class Reservations implements AgentResourcesAdjuster {

  private static final Logger log = LoggerFactory.getLogger(Reservations.class);

  private final AgentRegistry agents;
  private final AllocationActor allocation;
  private final AgentReservationStore store;
  private final Authorizer authorizer;
  private final OperatorAudit audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Reservations(@org.springframework.context.annotation.Lazy AgentRegistry agents, AllocationActor allocation,
      AgentReservationStore store, Authorizer authorizer, OperatorAudit audit, TransactionTemplate transactions,
      Clock clock) {
    this.agents = agents;
    this.allocation = allocation;
    this.store = store;
    this.authorizer = authorizer;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public Resources adjust(String agentId, Resources total) {
    Resources dynamic = store.find(agentId).orElse(Resources.EMPTY);
    if (dynamic.isEmpty()) {
      return total;
    }
    Resources base = ResourceConversions.base(dynamic);
    if (!total.contains(base)) {
      log.warn("Agent {} registered without the resources {} of its stored reservations and volumes {}; "
          + "they are not applied", agentId, base, dynamic);
      return total;
    }
    log.info("Agent {} gets back its dynamic reservations and volumes {}", agentId, dynamic);
    return total.minus(base).plus(dynamic);
  }

  /** The registered agent, or 400 {@code No agent found with specified ID}. */
  public AgentInfo agent(String agentId) {
    return agents.get(agentId).orElseThrow(() -> OperationException.badRequest("No agent found with specified ID"));
  }

  // ---- RESERVE / UNRESERVE -----------------------------------------------------------------

  /** RESERVE (the resources carry their target reservation). 202 semantics: applied when this returns. */
  public void reserve(String principal, String agentId, Resources resources) {
    AgentInfo agent = agent(agentId);
    reject("Invalid RESERVE operation on agent " + describe(agent) + ": ", OperationRules.reserve(principal,
        resources));
    authorize(principal, AclAction.RESERVE_RESOURCES, resources.items().stream().map(ResourceConversions::role)
        .toList());
    convert(principal, "RESERVE", agentId, ResourceConversions.popped(resources), resources);
  }

  public void unreserve(String principal, String agentId, Resources resources) {
    agent(agentId);
    reject("Invalid UNRESERVE operation: ", OperationRules.unreserve(resources));
    authorize(principal, AclAction.UNRESERVE_RESOURCES, resources.items().stream()
        .map(ResourceConversions::reserver).toList());
    convert(principal, "UNRESERVE", agentId, resources, ResourceConversions.popped(resources));
  }

  // ---- CREATE / DESTROY volumes ------------------------------------------------------------

  public void createVolumes(String principal, String agentId, Resources volumes) {
    AgentInfo agent = agent(agentId);
    String prefix = "Invalid CREATE operation on agent " + describe(agent) + ": ";
    reject(prefix, OperationRules.create(principal, volumes));
    String duplicate = allocation.operate(op -> op.agents().contains(AgentId.of(agentId))
        ? OperationRules.duplicateVolume(op.allocator().total(AgentId.of(agentId)), volumes) : null).join();
    reject(prefix, duplicate);
    authorize(principal, AclAction.CREATE_VOLUMES, volumes.items().stream().map(ResourceConversions::role)
        .toList());
    convert(principal, "CREATE_VOLUMES", agentId, ResourceConversions.withoutVolumes(volumes), volumes);
  }

  public void destroyVolumes(String principal, String agentId, Resources volumes) {
    agent(agentId);
    reject("Invalid DESTROY operation: ", OperationRules.destroy(volumes));
    Resources matched = allocation.operate(op -> {
      AgentId id = AgentId.of(agentId);
      if (!op.agents().contains(id)) {
        return null;
      }
      List<Resource> out = new ArrayList<>();
      for (Resource r : volumes.items()) {
        op.allocator().total(id).items().stream().filter(x -> sameVolume(x, r)).findFirst().ifPresent(out::add);
      }
      return out.size() == volumes.items().size() ? Resources.of(out) : null;
    }).join();
    if (matched == null) {
      throw OperationException.badRequest("Invalid DESTROY operation: Persistent volumes not found");
    }
    authorize(principal, AclAction.DESTROY_VOLUMES, matched.items().stream().map(r -> r.volume().principal())
        .toList());
    convert(principal, "DESTROY_VOLUMES", agentId, matched, ResourceConversions.withoutVolumes(matched));
  }

  /** Same volume: id, role stack and size; container path differences are ignored. */
  private static boolean sameVolume(Resource existing, Resource requested) {
    return existing.volume() != null && existing.name().equals(requested.name())
        && existing.scalarMillis() == requested.scalarMillis()
        && existing.reservations().equals(requested.reservations())
        && existing.volume().persistenceId().equals(requested.volume().persistenceId());
  }

  // ---- shared ------------------------------------------------------------------------------

  private static void reject(String prefix, String problem) {
    if (problem != null) {
      throw OperationException.badRequest(prefix + problem);
    }
  }

  private void authorize(String principal, AclAction action, List<String> objects) {
    if (!allowed(principal, action, objects)) {
      throw OperationException.forbidden();
    }
  }

  /** True when the principal may do the action on every object. */
  boolean allowed(String principal, AclAction action, List<String> objects) {
    return objects.stream().allMatch(object -> authorizer.isAllowed(principal, action, object));
  }

  /**
   * On the actor: rescinds the agent's offers until {@code from} is free (409 if it never is; for DESTROY the
   * volume is then in use: 400), replaces it by {@code to}, then stores the agent's dynamic resources.
   */
  private void convert(String principal, String action, String agentId, Resources from, Resources to) {
    Object result = allocation.operate(op -> {
      AgentId id = AgentId.of(agentId);
      if (!op.agents().contains(id)) {
        return OperationException.badRequest("No agent found with specified ID");
      }
      Allocator a = op.allocator();
      for (Offer offer : op.offers()) {
        if (a.free(id).contains(from)) {
          break;
        }
        if (offer.agentId().equals(id)) {
          op.rescind(offer.id());
        }
      }
      if (!a.free(id).contains(from)) {
        if (action.equals("DESTROY_VOLUMES")) {
          return OperationException.badRequest("Invalid DESTROY operation: Persistent volumes in use");
        }
        return OperationException.conflict("Insufficient resources on agent " + agentId + " for " + action
            + ": " + a.free(id) + " does not contain " + from);
      }
      Resources total = a.total(id).minus(from).plus(to);
      op.updateTotal(id, total);
      op.allocateSoon(List.of(id));
      return total;
    }).join();
    if (result instanceof OperationException e) {
      throw e;
    }
    remember(principal, agentId, (Resources) result, List.of(new Change(action, to)));
    log.info("Principal {} {} on agent {}: {} -> {}", principal, action, agentId, from, to);
  }

  /** One applied operation as the audit trail shows it: the action and the resources it produced. */
  record Change(String action, Resources resources) {}

  /** Stores the agent's dynamic resources (from its new total) with an audit entry per change, atomically. */
  void remember(String principal, String agentId, Resources agentTotal, List<Change> changes) {
    Resources dynamic = agentTotal.filter(ResourceConversions::isDynamic);
    transactions.executeWithoutResult(s -> {
      store.save(agentId, dynamic, clock.instant());
      for (Change c : changes) {
        audit.record(principal, c.action(), agentId, ResourceCodec.JSON.createObjectNode().put("agent_id", agentId)
            .<tools.jackson.databind.node.ObjectNode>set("resources", ResourceCodec.render(c.resources()))
            .toString());
      }
    });
  }

  private static String describe(AgentInfo agent) {
    return agent.id() + " at " + agent.endpoint() + " (" + agent.hostname() + ")";
  }

}
