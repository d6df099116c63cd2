package io.drydock.master.operation;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.Allocator;
import io.drydock.allocator.Offer;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.master.allocation.AllocationOperator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quantities of a role subtree read on the allocation actor thread (spec §2.3, §4.2): offered, allocated
 * (used by tasks), reserved on registered agents, quota consumption, and the cluster capacity.
 */
public final class Usage {

  private Usage() {}

  /** A role and its descendants. */
  public static boolean inSubtree(String role, String root) {
    return role.equals(root) || io.drydock.allocator.role.Roles.isStrictSubroleOf(role, root);
  }

  /** Offered and allocated resources of a role subtree, as quantities. */
  public record Held(Map<String, Double> offered, Map<String, Double> allocated) {}

  public static Held held(AllocationOperator op, String role) {
    Map<String, Double> offered = new TreeMap<>();
    for (Offer o : op.offers()) {
      if (inSubtree(o.role(), role)) {
        add(offered, ResourceCodec.quantities(o.resources()), 1);
      }
    }
    Map<String, Double> total = new TreeMap<>();
    for (List<Resources> held : op.allocator().allocationsOf(role).values()) {
      held.forEach(r -> add(total, ResourceCodec.quantities(r), 1));
    }
    add(total, offered, -1);
    return new Held(offered, clean(total));
  }

  /** Reservations to the role subtree on registered agents (whether in use or not). */
  public static Resources reservedOn(Allocator allocator, AgentId agent, String role) {
    return allocator.total(agent).filter(r -> !r.isUnreserved() && inSubtree(r.role(), role));
  }

  public static Map<String, Double> reserved(AllocationOperator op, String role) {
    Map<String, Double> out = new TreeMap<>();
    for (AgentId agent : op.agents()) {
      add(out, ResourceCodec.quantities(reservedOn(op.allocator(), agent, role)), 1);
    }
    return out;
  }

  /** Quota consumption: allocated (incl. offered) to the subtree plus its unallocated reservations. */
  public static Map<String, Double> consumed(AllocationOperator op, String role) {
    Map<String, Double> out = new TreeMap<>();
    Map<String, Double> heldReserved = new TreeMap<>();
    for (List<Resources> held : op.allocator().allocationsOf(role).values()) {
      for (Resources r : held) {
        add(out, ResourceCodec.quantities(r), 1);
        add(heldReserved, ResourceCodec.quantities(r.filter(x -> !x.isUnreserved() && inSubtree(x.role(), role))), 1);
      }
    }
    Map<String, Double> unallocated = reserved(op, role);
    add(unallocated, heldReserved, -1);
    add(out, clean(unallocated), 1);
    return clean(out);
  }

  /** Sum of the scalar totals of all registered agents. */
  public static Map<String, Double> capacity(AllocationOperator op) {
    Map<String, Double> out = new TreeMap<>();
    for (AgentId agent : op.agents()) {
      for (Resource r : op.allocator().total(agent).items()) {
        if (r.type() == io.drydock.allocator.resources.ResourceType.SCALAR) {
          out.merge(r.name(), r.scalar(), Double::sum);
        }
      }
    }
    return out;
  }

  public static void add(Map<String, Double> into, Map<String, Double> from, int sign) {
    from.forEach((n, v) -> into.merge(n, sign * v, Double::sum));
  }

  private static Map<String, Double> clean(Map<String, Double> m) {
    m.values().removeIf(v -> v <= 1e-9);
    return m;
  }

  /** Mesos's rendering of quantities: {@code cpus:1; mem:1024}, {@code {}} when empty. */
  public static String format(Map<String, Double> quantities) {
    if (quantities.isEmpty()) {
      return "{}";
    }
    StringBuilder b = new StringBuilder();
    quantities.forEach((n, v) -> b.append(b.isEmpty() ? "" : "; ").append(n).append(':').append(number(v)));
    return b.toString();
  }

  public static String number(double d) {
    double rounded = Math.round(d * 1000.0) / 1000.0;
    if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
      return Long.toString((long) rounded);
    }
    return Double.toString(rounded);
  }
}
