package io.drydock.master.weight;

import io.drydock.allocator.Offer;
import io.drydock.allocator.role.Roles;
import io.drydock.master.allocation.AllocationActor;
import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.framework.FrameworkRegistry;
import io.drydock.master.leader.LeaderElected;
import io.drydock.master.operation.OperationException;
import io.drydock.master.operation.OperatorAudit;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.operation.RoleWhitelist;
import io.drydock.master.weight.persistence.WeightStore;
import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.Authorizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ArrayNode;

/**
 * Role weights (spec §3): validated and authorized as Mesos does, stored (upsert, never deleted), applied to
 * the allocator; when an updated role has subscribed frameworks, every outstanding offer is rescinded.
 * Restored from the registry when the master starts.
 */
@Component
public class Weights {

  private static final Logger log = LoggerFactory.getLogger(Weights.class);
  private static final String INVALID = "Failed to validate update weights request JSON";

  private final WeightStore store;
  private final AllocationActor allocation;
  private final FrameworkRegistry frameworks;
  private final Authorizer authorizer;
  private final RoleWhitelist whitelist;
  private final OperatorAudit audit;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Map<String, Double> weights = new ConcurrentHashMap<>();

  Weights(WeightStore store, AllocationActor allocation, FrameworkRegistry frameworks, Authorizer authorizer,
      RoleWhitelist whitelist, OperatorAudit audit, TransactionTemplate transactions, Clock clock) {
    this.store = store;
    this.allocation = allocation;
    this.frameworks = frameworks;
    this.authorizer = authorizer;
    this.whitelist = whitelist;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A role and its weight as given ({@code WeightInfo}); the role may be null. */
  public record WeightInfo(String role, double weight) {}

  /** Restores the stored values into the allocator when this replica is elected. */
  @EventListener(LeaderElected.class)
  public void afterSingletonsInstantiated() {
    Map<String, Double> stored = store.all();
    weights.putAll(stored);
    if (!stored.isEmpty()) {
      allocation.call(a -> {
        a.updateWeights(stored);
        return null;
      });
      log.info("Restored the weights of {} roles", stored.size());
    }
  }

  /** The weight of a role (1.0 without an entry). */
  public double weightOf(String role) {
    return weights.getOrDefault(role, 1.0);
  }

  /** Every stored weight, by role. */
  public Map<String, Double> all() {
    return new TreeMap<>(weights);
  }

  /** GET /weights, GET_WEIGHTS: the stored weights the principal may view ({@code view_roles}). */
  public List<WeightInfo> visible(String principal) {
    List<WeightInfo> out = new ArrayList<>();
    all().forEach((role, weight) -> {
      if (authorizer.isAllowed(principal, AclAction.VIEW_ROLES, role)) {
        out.add(new WeightInfo(role, weight));
      }
    });
    return out;
  }

  /**
   * PUT /weights, UPDATE_WEIGHTS after parsing (spec §3 steps 3–7).
   *
   * @throws OperationException 400 invalid, 403 not authorized
   */
  public void update(String principal, List<WeightInfo> infos) {
    Map<String, Double> updates = new LinkedHashMap<>();
    for (WeightInfo info : infos) {
      String role = info.role() == null ? "" : info.role().strip();
      String invalid = Roles.validate(role).orElse(null);
      if (invalid != null) {
        throw OperationException.badRequest(INVALID + ": Invalid role '" + role + "': " + invalid);
      }
      if (!whitelist.isWhitelisted(role)) {
        throw OperationException.badRequest(INVALID + ": Unknown role '" + role + "'");
      }
      if (!(info.weight() > 0)) {
        throw OperationException.badRequest(INVALID + " for role '" + role + "': Invalid weight '"
            + format(info.weight()) + "': Weights must be positive");
      }
      if (Double.isInfinite(info.weight())) {
        throw OperationException.badRequest(INVALID + " for role '" + role + "': Invalid weight '"
            + format(info.weight()) + "': Weights must be finite");
      }
      updates.put(role, info.weight());
    }
    boolean allowed = updates.isEmpty()
        ? authorizer.isAllowed(principal, AclAction.UPDATE_WEIGHTS, null)
        : authorizer.isAllowedForAll(principal, AclAction.UPDATE_WEIGHTS, updates.keySet());
    if (!allowed) {
      throw OperationException.forbidden();
    }
    if (updates.isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(s -> updates.forEach((role, weight) -> {
      store.save(role, weight, principal, clock.instant());
      ArrayNode detail = ResourceCodec.JSON.createArrayNode();
      detail.addObject().put("role", role).put("weight", weight);
      audit.record(principal, "UPDATE_WEIGHTS", role, detail.toString());
    }));
    weights.putAll(updates);
    Set<String> active = frameworks.all().stream().map(FrameworkInfo::roles).flatMap(List::stream)
        .collect(Collectors.toSet());
    boolean rescind = updates.keySet().stream().anyMatch(active::contains);
    allocation.operate(op -> {
      op.allocator().updateWeights(updates);
      if (rescind) {
        for (Offer offer : op.offers()) {
          op.rescind(offer.id());
        }
      }
      return null;
    }).join();
    log.info("Principal {} updated weights {}", principal, updates);
  }

  /** A double as Mesos's stringify prints it ({@code 0}, {@code -1.5}, {@code inf}, {@code nan}). */
  static String format(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }
}
