package io.drydock.master.role;

import io.drydock.allocator.role.Roles;
import io.drydock.master.allocation.AllocationActor;
import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.framework.FrameworkRegistry;
import io.drydock.master.operation.RoleWhitelist;
import io.drydock.master.operation.Usage;
import io.drydock.master.quota.QuotaConfig;
import io.drydock.master.quota.Quotas;
import io.drydock.master.weight.Weights;
import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.Authorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The known roles (spec §2.3), sorted: with a whitelist exactly its roles and their ancestors; otherwise
 * roles of subscribed frameworks, of allocations and offers, of reservations on registered agents, with a
 * stored weight or a quota, and their ancestors. Roles the principal may not view ({@code view_roles}) are
 * left out.
 */
@Component
public class RolesView {

  private final AllocationActor allocation;
  private final FrameworkRegistry frameworks;
  private final Weights weights;
  private final Quotas quotas;
  private final RoleWhitelist whitelist;
  private final Authorizer authorizer;

  RolesView(AllocationActor allocation, FrameworkRegistry frameworks, Weights weights, Quotas quotas,
      RoleWhitelist whitelist, Authorizer authorizer) {
    this.allocation = allocation;
    this.frameworks = frameworks;
    this.weights = weights;
    this.quotas = quotas;
    this.whitelist = whitelist;
    this.authorizer = authorizer;
  }

  public List<RoleSummary> roles(String principal) {
    List<FrameworkInfo> subscribed = List.copyOf(frameworks.all());
    Map<String, Double> weightByRole = weights.all();
    Map<String, QuotaConfig> quotaByRole = quotas.all();
    return allocation.operate(op -> {
      Set<String> known = new TreeSet<>();
      if (whitelist.roles().isPresent()) {
        known.addAll(whitelist.roles().get());
      } else {
        subscribed.forEach(f -> known.addAll(f.roles()));
        op.offers().forEach(o -> known.add(o.role()));
        for (String role : op.allocator().knownRoles()) {
          if (!Roles.DEFAULT_ROLE.equals(role) && !op.allocator().allocationsOf(role).isEmpty()) {
            known.add(role);
          }
        }
        op.agents().forEach(a -> op.allocator().total(a).items().stream().filter(r -> !r.isUnreserved())
            .forEach(r -> r.reservations().forEach(x -> known.add(x.role()))));
        known.addAll(weightByRole.keySet());
        known.addAll(quotaByRole.keySet());
      }
      new ArrayList<>(known).forEach(r -> known.addAll(Roles.ancestors(r)));
      List<RoleSummary> out = new ArrayList<>();
      for (String role : known) {
        if (!authorizer.isAllowed(principal, AclAction.VIEW_ROLES, role)) {
          continue;
        }
        Usage.Held held = Usage.held(op, role);
        QuotaConfig quota = quotaByRole.get(role);
        out.add(new RoleSummary(role, weightByRole.getOrDefault(role, 1.0),
            subscribed.stream().filter(f -> f.roles().contains(role)).map(FrameworkInfo::id).sorted().toList(),
            held.allocated(), held.offered(), Usage.reserved(op, role),
            quota == null ? Map.of() : quota.guarantees(), quota == null ? Map.of() : quota.limits(),
            Usage.consumed(op, role)));
      }
      return out;
    }).join();
  }

}
