package io.drydock.master.reservation;

import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.master.allocation.AcceptOutcome;
import io.drydock.master.allocation.OfferOperation;
import io.drydock.support.acl.AclAction;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * RESERVE, UNRESERVE, CREATE and DESTROY inside a framework's ACCEPT (spec §5.3, §6): validated with the
 * operator endpoints' rules and authorized with the same ACL actions as the framework's principal. As in Mesos,
 * an invalid or unauthorized operation is dropped (the rest of the ACCEPT goes on); applied conversions are
 * stored and audited like the operator's.
 */
@Component
public class FrameworkOperations {

  private final Reservations reservations;

  FrameworkOperations(Reservations reservations) {
    this.reservations = reservations;
  }

  /**
   * The conversion an ACCEPT operation asks for.
   *
   * @param type {@code RESERVE}, {@code UNRESERVE}, {@code CREATE} or {@code DESTROY}
   * @param principal the framework's principal, null when authentication is off
   * @param resources the operation's {@code resources} (RESERVE, UNRESERVE) or {@code volumes} (CREATE, DESTROY)
   */
  public OfferOperation conversion(int index, String type, String principal, Resources resources) {
    switch (type) {
      case "RESERVE":
        return checked(index, type, OperationRules.reserve(principal, resources), principal,
            AclAction.RESERVE_RESOURCES, () -> resources.items().stream().map(ResourceConversions::role).toList(),
            () -> OfferOperation.conversion(index, type, ResourceConversions.popped(resources), resources,
                    (allocationRole, total) -> reservedFor(allocationRole, resources)));
      case "UNRESERVE":
        return checked(index, type, OperationRules.unreserve(resources), principal, AclAction.UNRESERVE_RESOURCES,
            () -> resources.items().stream().map(ResourceConversions::reserver).toList(),
            () -> OfferOperation.conversion(index, type, resources, ResourceConversions.popped(resources), null));
      case "CREATE":
        return checked(index, type, OperationRules.create(principal, resources), principal,
            AclAction.CREATE_VOLUMES, () -> resources.items().stream().map(ResourceConversions::role).toList(),
            () -> OfferOperation.conversion(index, type, ResourceConversions.withoutVolumes(resources), resources,
                    (allocationRole, total) -> prefixed(type, OperationRules.duplicateVolume(total, resources))));
      case "DESTROY":
        return checked(index, type, OperationRules.destroy(resources), principal, AclAction.DESTROY_VOLUMES,
            () -> resources.items().stream().map(r -> r.volume().principal()).toList(),
            () -> OfferOperation.conversion(index, type, resources, ResourceConversions.withoutVolumes(resources),
                null));
      default:
        throw new IllegalArgumentException("Not a conversion: " + type);
    }
  }

  /** Stores what an ACCEPT converted on its agent, audited as the framework's principal. */
  public void remember(String principal, AcceptOutcome outcome) {
    if (outcome.applied().isEmpty()) {
      return;
    }
    reservations.remember(principal, outcome.agentId(), outcome.agentTotal(), outcome.applied().stream()
        .map(a -> new Reservations.Change(auditAction(a.type()), a.to())).toList());
  }

  private OfferOperation checked(int index, String type, String problem, String principal, AclAction action,
      Supplier<List<String>> objects, Supplier<OfferOperation> conversion) {
    if (problem != null) {
      return OfferOperation.dropped(index, type, prefixed(type, problem));
    }
    if (!reservations.allowed(principal, action, objects.get())) {
      String what = action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
      return OfferOperation.dropped(index, type, "Not authorized to " + what + " as '" + principal + "'");
    }
    return conversion.get();
  }

  /** A framework reserves for the role its offer was allocated to (Mesos's allocation_info.role). */
  private static String reservedFor(String allocationRole, Resources resources) {
    for (Resource r : resources.items()) {
      String role = ResourceConversions.role(r);
      if (!role.equals(allocationRole)) {
        return "Invalid RESERVE operation: A reserve operation was attempted for a resource allocated to role '"
            + allocationRole + "', but the reservation is for role '" + role + "'";
      }
    }
    return null;
  }

  private static String prefixed(String type, String problem) {
    return problem == null ? null : "Invalid " + type + " operation: " + problem;
  }

  private static String auditAction(String type) {
    switch (type) {
      case "CREATE":
        return "CREATE_VOLUMES";
      case "DESTROY":
        return "DESTROY_VOLUMES";
      default:
        return type;
    }
  }
}
