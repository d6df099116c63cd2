package io.drydock.master.quota;

import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.role.Roles;
import io.drydock.master.allocation.AllocationActor;
import io.drydock.master.leader.LeaderElected;
import io.drydock.master.operation.OperationException;
import io.drydock.master.operation.OperatorAudit;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.operation.RoleWhitelist;
import io.drydock.master.operation.Usage;
import io.drydock.master.quota.persistence.QuotaStore;
import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.Authorizer;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quota (spec §4): UPDATE_QUOTA (400 on every refusal but 403), the legacy {@code POST /quota} (409 on
 * overcommit) and {@code DELETE /quota/<role>}, GET_QUOTA / {@code GET /quota} filtered by {@code get_quotas}.
 * Stored, applied to the allocator (with a best-effort rescind of outstanding offers), restored on start.
 */
@Component
public class Quotas {

  private static final Logger log = LoggerFactory.getLogger(Quotas.class);
  private static final double EXABYTE_MB = 1099511627776.0;
  private static final double TRILLION = 1e12;

  private final QuotaStore store;
  private final AllocationActor allocation;
  private final Authorizer authorizer;
  private final RoleWhitelist whitelist;
  private final OperatorAudit audit;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Map<String, QuotaConfig> quotas = new ConcurrentHashMap<>();

  Quotas(QuotaStore store, AllocationActor allocation, Authorizer authorizer, RoleWhitelist whitelist,
      OperatorAudit audit, TransactionTemplate transactions, Clock clock) {
    this.store = store;
    this.allocation = allocation;
    this.authorizer = authorizer;
    this.whitelist = whitelist;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Restores the stored values into the allocator when this replica is elected. */
  @EventListener(LeaderElected.class)
  public void afterSingletonsInstantiated() {
    List<QuotaConfig> stored = store.all();
    stored.forEach(q -> quotas.put(q.role(), q));
    if (!stored.isEmpty()) {
      allocation.call(a -> {
        stored.forEach(q -> a.updateQuota(q.role(), q.toQuota()));
        return null;
      });
      log.info("Restored the quota of {} roles", stored.size());
    }
  }

  /** The configured quota of a role, if any. */
  public java.util.Optional<QuotaConfig> of(String role) {
    return java.util.Optional.ofNullable(quotas.get(role));
  }

  public Map<String, QuotaConfig> all() {
    return new TreeMap<>(quotas);
  }

  // ---- reads -------------------------------------------------------------------------------

  /** {@code QuotaStatus} JSON with the roles the principal may see ({@code get_quotas}); {@code {}} if none. */
  public ObjectNode status(String principal) {
    ObjectNode status = ResourceCodec.JSON.createObjectNode();
    ArrayNode infos = ResourceCodec.JSON.createArrayNode();
    ArrayNode configs = ResourceCodec.JSON.createArrayNode();
    for (QuotaConfig q : all().values()) {
      if (!authorizer.isAllowed(principal, AclAction.GET_QUOTAS, q.role())) {
        continue;
      }
      ObjectNode info = infos.addObject().put("role", q.role());
      if (q.principal() != null) {
        info.put("principal", q.principal());
      }
      ArrayNode guarantee = info.putArray("guarantee");
      q.guarantees().forEach((n, v) -> guarantee.add(ResourceCodec.render(Resource.scalar(n, v))));
      if (guarantee.isEmpty()) {
        info.remove("guarantee");
      }
      ObjectNode config = configs.addObject().put("role", q.role());
      if (!q.guarantees().isEmpty()) {
        ObjectNode g = config.putObject("guarantees");
        q.guarantees().forEach((n, v) -> g.putObject(n).put("value", v));
      }
      if (!q.limits().isEmpty()) {
        ObjectNode l = config.putObject("limits");
        q.limits().forEach((n, v) -> l.putObject(n).put("value", v));
      }
    }
    if (!infos.isEmpty()) {
      status.set("infos", infos);
      status.set("configs", configs);
    }
    return status;
  }

  // ---- UPDATE_QUOTA ------------------------------------------------------------------------

  /** Parses one {@code QuotaConfig} JSON object. */
  public static QuotaConfig parseConfig(JsonNode c, String principal) {
    if (c == null || !c.isObject()) {
      throw OperationException.badRequest("Failed to convert JSON into Call protobuf: Expecting a JSON object "
          + "for 'QuotaConfig'");
    }
    JsonNode role = c.get("role");
    return new QuotaConfig(role == null || role.isNull() ? null : role.asString(), values(c.get("guarantees")),
        values(c.get("limits")), principal);
  }

  private static Map<String, Double> values(JsonNode map) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (map == null || map.isNull()) {
      return out;
    }
    if (!map.isObject()) {
      throw OperationException.badRequest("Failed to convert JSON into Call protobuf: Expecting a JSON object "
          + "for a quota map");
    }
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      JsonNode value = e.getValue() == null ? null : e.getValue().get("value");
      if (value == null || !(value.isNumber() || value.isString())) {
        throw OperationException.badRequest("Failed to convert JSON into Call protobuf: Missing required fields: "
            + "value");
      }
      try {
        out.put(e.getKey(), value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asString()));
      } catch (NumberFormatException x) {
        throw OperationException.badRequest("Failed to convert JSON into Call protobuf: Failed to convert '"
            + value.asString() + "' to number for field 'value'");
      }
    }
    return out;
  }

  /**
   * UPDATE_QUOTA (spec §4.2), all-or-nothing.
   *
   * @throws OperationException 400 invalid or over capacity (unless forced), 403 not authorized
   */
  public void update(String principal, boolean force, List<QuotaConfig> configs) {
    Set<String> seen = new HashSet<>();
    for (QuotaConfig c : configs) {
      String invalid = validateConfig(c);
      if (invalid != null) {
        throw OperationException.badRequest("Invalid QuotaConfig: " + invalid);
      }
      if (!seen.add(c.role())) {
        throw OperationException.badRequest("Invalid QuotaConfig: duplicate config for role '" + c.role() + "'");
      }
    }
    Map<String, QuotaConfig> next = all();
    configs.forEach(c -> next.put(c.role(), c));
    String refused = allocation.operate(op -> {
      if (!force) {
        for (QuotaConfig c : configs) {
          Map<String, Double> consumed = Usage.consumed(op, c.role());
          if (QuotaRescinds.exceeds(consumed, c.limits())) {
            return "Role '" + c.role() + "' is already consuming '" + Usage.format(consumed)
                + "'; this is more than the requested limits '" + Usage.format(c.limits())
                + "' (use 'force' flag to bypass this check)";
          }
        }
        Map<String, Double> guarantees = totalGuarantees(next);
        Map<String, Double> capacity = Usage.capacity(op);
        if (exceedsCapacity(guarantees, capacity)) {
          return "total quota guarantees '" + Usage.format(guarantees) + "' exceed cluster capacity '"
              + Usage.format(capacity) + "' (use 'force' flag to bypass this check)";
        }
      }
      return null;
    }).join();
    if (refused != null) {
      throw OperationException.badRequest("Invalid QuotaConfig: " + refused);
    }
    authorize(principal, configs.stream().map(QuotaConfig::role).toList());
    apply(principal, "UPDATE_QUOTA", configs);
  }

  /** Steps 1–3 of spec §4.2 for one config; null when valid. */
  private String validateConfig(QuotaConfig c) {
    if (c.role() == null) {
      return "'QuotaConfig.role' must be set";
    }
    String invalidRole = Roles.validate(c.role()).orElse(null);
    if (invalidRole == null && !whitelist.isWhitelisted(c.role())) {
      return "'" + c.role() + "' is not on the roles whitelist";
    }
    if (invalidRole == null && c.role().contains("/")) {
      return "Updating quota on nested role '" + c.role() + "' is not supported yet";
    }
    if (invalidRole != null) {
      return "Invalid 'QuotaConfig.role': " + invalidRole;
    }
    String bad = validateValues("guarantee", "QuotaConfig.guarantees", c.guarantees());
    if (bad == null) {
      bad = validateValues("limit", "QuotaConfig.limits", c.limits());
    }
    if (bad != null) {
      return bad;
    }
    for (Map.Entry<String, Double> g : c.guarantees().entrySet()) {
      Double limit = c.limits().get(g.getKey());
      if (limit != null && g.getValue() > limit) {
        return "'QuotaConfig.guarantees' { " + Usage.format(c.guarantees()) + " } is not contained within the "
            + "'QuotaConfig.limits' { " + Usage.format(c.limits()) + " }";
      }
    }
    return null;
  }

  private static String validateValues(String kind, String field, Map<String, Double> values) {
    for (Map.Entry<String, Double> e : values.entrySet()) {
      double v = e.getValue();
      String entry = "{'" + e.getKey() + "': " + Usage.number(v) + "}";
      if (Double.isNaN(v)) {
        return "Invalid " + kind + " configuration " + entry + ": NaN not supported";
      }
      if (Double.isInfinite(v)) {
        return "Invalid " + kind + " configuration " + entry + ": Infinite values not supported";
      }
      if (v < 0) {
        return "Invalid " + kind + " configuration " + entry + ": Negative values not supported";
      }
      boolean bytes = e.getKey().equals("mem") || e.getKey().equals("disk");
      if (bytes && v > EXABYTE_MB) {
        return "Invalid '" + field + "': " + entry + " is invalid: values greater than 1 exabyte (1099511627776) "
            + "are not supported";
      }
      if (!bytes && v > TRILLION) {
        return "Invalid '" + field + "': " + entry + " is invalid: values greater than 1 trillion (1000000000000) "
            + "are not supported";
      }
    }
    return null;
  }

  // ---- legacy /quota -----------------------------------------------------------------------

  /**
   * Legacy {@code POST /quota} (spec §4.4): the guarantee also acts as the limit.
   *
   * @throws OperationException 400 invalid, 403 not authorized, 409 overcommit unless forced
   */
  public void set(String principal, String body) {
    LegacyQuotaRequest request = LegacyQuotaRequest.parse(body);
    String role = request.role();
    Map<String, Double> guarantees = request.guarantees();
    boolean force = request.force();
    String prefix = LegacyQuotaRequest.INVALID;
    if (!whitelist.isWhitelisted(role)) {
      throw OperationException.badRequest(prefix + "Unknown role '" + role + "'");
    }
    if (quotas.containsKey(role)) {
      throw OperationException.badRequest(prefix + "Cannot set quota for role '" + role
          + "' which already has quota");
    }
    if (role.contains("/")) {
      throw OperationException.badRequest("Setting quota on nested role '" + role + "' is not supported yet");
    }
    authorize(principal, List.of(role));
    QuotaConfig config = new QuotaConfig(role, guarantees, guarantees, principal);
    if (!force) {
      Map<String, QuotaConfig> next = all();
      next.put(role, config);
      String overcommit = allocation.operate(op -> {
        Map<String, Double> total = totalGuarantees(next);
        Map<String, Double> capacity = Usage.capacity(op);
        return exceedsCapacity(total, capacity) ? "Total quota guarantees '" + Usage.format(total)
            + "' exceed cluster capacity '" + Usage.format(capacity) + "'" : null;
      }).join();
      if (overcommit != null) {
        throw OperationException.conflict("Quota guarantees overcommit the cluster (use 'force' to bypass this "
            + "check): " + overcommit);
      }
    }
    apply(principal, "SET_QUOTA", List.of(config));
  }

  /**
   * Legacy {@code DELETE /quota/<role>}.
   *
   * @param path the request path, e.g. {@code /quota/role1} or {@code /master/quota/eng/a}
   */
  public void remove(String principal, String path) {
    String rest = path.startsWith("/master/") ? path.substring("/master".length()) : path;
    String role = rest.startsWith("/quota/") ? rest.substring("/quota/".length()) : "";
    if (role.isEmpty()) {
      throw OperationException.badRequest("Failed to parse remove quota request for path '" + path
          + "': Expecting the role in the path ('/quota/<role>')");
    }
    if (!whitelist.isWhitelisted(role)) {
      throw OperationException.badRequest("Failed to validate remove quota request for path '" + path
          + "': Unknown role '" + role + "'");
    }
    if (!quotas.containsKey(role)) {
      throw OperationException.badRequest("Failed to remove quota for path '" + path + "': Role '" + role
          + "' has no quota set");
    }
    authorize(principal, List.of(role));
    synchronized (this) {
      if (!quotas.containsKey(role)) {
        throw OperationException.badRequest("Failed to remove quota: Role '" + role + "' has no quota set");
      }
      apply(principal, "REMOVE_QUOTA", List.of(new QuotaConfig(role, Map.of(), Map.of(), principal)));
    }
  }

  // ---- shared ------------------------------------------------------------------------------

  private void authorize(String principal, List<String> roles) {
    if (!authorizer.isAllowedForAll(principal, AclAction.UPDATE_QUOTAS, roles)) {
      throw OperationException.forbidden();
    }
  }

  private synchronized void apply(String principal, String action, List<QuotaConfig> configs) {
    transactions.executeWithoutResult(s -> {
      for (QuotaConfig c : configs) {
        if (c.isDefault()) {
          store.delete(c.role());
        } else {
          store.save(c, clock.instant());
        }
        ObjectNode detail = ResourceCodec.JSON.createObjectNode().put("role", c.role());
        detail.putPOJO("guarantees", c.guarantees());
        detail.putPOJO("limits", c.limits());
        audit.record(principal, action, c.role(), detail.toString());
      }
    });
    for (QuotaConfig c : configs) {
      if (c.isDefault()) {
        quotas.remove(c.role());
      } else {
        quotas.put(c.role(), c);
      }
    }
    int rescinded = allocation.operate(op -> {
      for (QuotaConfig c : configs) {
        op.allocator().updateQuota(c.role(), c.isDefault() ? Quota.NONE : c.toQuota());
      }
      int count = QuotaRescinds.rescind(op, configs, Map.copyOf(quotas));
      if (count > 0) {
        op.allocateSoon(null);
      }
      return count;
    }).join();
    log.info("Principal {} {} {} ({} offers rescinded)", principal, action, configs, rescinded);
  }

  /** Sum of the guarantees of all top-level roles. */
  private static Map<String, Double> totalGuarantees(Map<String, QuotaConfig> configs) {
    Map<String, Double> out = new TreeMap<>();
    configs.values().stream().filter(c -> !c.role().contains("/"))
        .forEach(c -> Usage.add(out, c.guarantees(), 1));
    return out;
  }

  /** Overcommit: a guaranteed quantity absent from the capacity also exceeds it. */
  static boolean exceedsCapacity(Map<String, Double> guarantees, Map<String, Double> capacity) {
    for (Map.Entry<String, Double> e : guarantees.entrySet()) {
      if (e.getValue() > capacity.getOrDefault(e.getKey(), 0.0) + 1e-9) {
        return true;
      }
    }
    return false;
  }
}
