package io.drydock.master.reservation;

import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import java.util.ArrayList;
import java.util.List;

/**
 * Mesos's validation of RESERVE, UNRESERVE, CREATE and DESTROY (spec §5.3, §6), shared by the operator
 * endpoints and the framework's ACCEPT. Each answers the problem (without the caller's prefix) or null.
 */
final class OperationRules {

  private OperationRules() {}

  /** @param principal the authenticated principal (operator or framework), null when authentication is off */
  static String reserve(String principal, Resources resources) {
    for (Resource r : resources.items()) {
      if (!ResourceConversions.isDynamicallyReserved(r)) {
        return "Resource " + r + " is not dynamically reserved";
      }
      if (r.volume() != null) {
        return "A persistent volume " + r + " cannot be reserved";
      }
      String reserver = ResourceConversions.reserver(r);
      if (principal != null && reserver == null) {
        return "A reserve operation was attempted by principal '" + principal
            + "', but there is a reserved resource in the request with no principal set";
      }
      if (principal != null && !principal.equals(reserver)) {
        return "A reserve operation was attempted by authenticated principal '" + principal
            + "', which does not match a reserved resource in the request with principal '" + reserver + "'";
      }
    }
    return null;
  }

  static String unreserve(Resources resources) {
    for (Resource r : resources.items()) {
      if (r.volume() != null) {
        return "A dynamically reserved persistent volume " + r + " cannot be unreserved directly. Please destroy "
            + "the persistent volume first then unreserve the resource";
      }
      if (!ResourceConversions.isDynamicallyReserved(r)) {
        return "Resource " + r + " is not dynamically reserved";
      }
    }
    return null;
  }

  static String create(String principal, Resources volumes) {
    List<String> ids = new ArrayList<>();
    for (Resource r : volumes.items()) {
      if (r.volume() == null) {
        return "Resource " + r + " is not a persistent volume: 'persistence' is not set in DiskInfo";
      }
      if (r.reservations().isEmpty()) {
        return "Persistent volumes cannot be created from unreserved resources";
      }
      if (ids.contains(r.volume().persistenceId())) {
        return "Persistence ID '" + r.volume().persistenceId() + "' is not unique";
      }
      ids.add(r.volume().persistenceId());
      String creator = r.volume().principal();
      if (principal != null && creator == null) {
        return "Create volume operation has been attempted by principal '" + principal
            + "', but there is a volume in the operation with no principal set";
      }
      if (principal != null && !principal.equals(creator)) {
        return "Create volume operation has been attempted by principal '" + principal
            + "', but there is a volume in the operation with principal '" + creator + "' set";
      }
    }
    return null;
  }

  /** A volume of {@code volumes} whose persistence id the agent already has in the same role, or null. */
  static String duplicateVolume(Resources agentTotal, Resources volumes) {
    for (Resource existing : agentTotal.items()) {
      for (Resource r : volumes.items()) {
        if (existing.volume() != null && existing.volume().persistenceId().equals(r.volume().persistenceId())
            && ResourceConversions.role(existing).equals(ResourceConversions.role(r))) {
          return "Persistence ID '" + r.volume().persistenceId() + "' is not unique";
        }
      }
    }
    return null;
  }

  static String destroy(Resources volumes) {
    for (Resource r : volumes.items()) {
      if (r.volume() == null) {
        return "Resource " + r + " is not a persistent volume";
      }
    }
    return null;
  }
}
