package io.drydock.master.reservation;

import io.drydock.allocator.resources.Reservation;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import java.util.ArrayList;
import java.util.List;

/** What RESERVE, UNRESERVE, CREATE and DESTROY turn resources into. Stateless. */
final class ResourceConversions {

  private ResourceConversions() {}

  /** True when the resource's last reservation is DYNAMIC. */
  static boolean isDynamicallyReserved(Resource r) {
    List<Reservation> stack = r.reservations();
    return !stack.isEmpty() && stack.get(stack.size() - 1).type() == Reservation.Type.DYNAMIC;
  }

  /** Resources the registry must remember: any dynamic reservation, or a persistent volume. */
  static boolean isDynamic(Resource r) {
    return r.volume() != null || r.reservations().stream().anyMatch(x -> x.type() == Reservation.Type.DYNAMIC);
  }

  /** The resource with its last reservation popped (what UNRESERVE gives back, RESERVE consumes). */
  static Resource popped(Resource r) {
    List<Reservation> stack = new ArrayList<>(r.reservations());
    stack.remove(stack.size() - 1);
    return new Resource(r.name(), r.type(), r.scalarMillis(), r.ranges(), r.items(), stack, null);
  }

  static Resources popped(Resources resources) {
    return Resources.of(resources.items().stream().map(ResourceConversions::popped).toList());
  }

  /** A volume without its volume info: the reserved disk it was created from. */
  static Resource withoutVolume(Resource r) {
    return new Resource(r.name(), r.type(), r.scalarMillis(), r.ranges(), r.items(), r.reservations(), null);
  }

  static Resources withoutVolumes(Resources resources) {
    return Resources.of(resources.items().stream().map(ResourceConversions::withoutVolume).toList());
  }

  /** What the agent's own (static) resources were before the dynamic ones: volumes and DYNAMIC entries gone. */
  static Resources base(Resources dynamic) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : dynamic.items()) {
      List<Reservation> stack = r.reservations().stream().filter(x -> x.type() == Reservation.Type.STATIC).toList();
      out.add(new Resource(r.name(), r.type(), r.scalarMillis(), r.ranges(), r.items(), stack, null));
    }
    return Resources.of(out);
  }

  /** The role of the last reservation. */
  static String role(Resource r) {
    return r.reservations().isEmpty() ? "*" : r.reservations().get(r.reservations().size() - 1).role();
  }

  /** The principal of the last reservation (the reserver), may be null. */
  static String reserver(Resource r) {
    return r.reservations().isEmpty() ? null : r.reservations().get(r.reservations().size() - 1).principal();
  }
}
