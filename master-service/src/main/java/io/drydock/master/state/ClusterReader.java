package io.drydock.master.state;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.InverseOffer;
import io.drydock.allocator.InverseOfferStatus;
import io.drydock.allocator.Offer;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.role.Roles;
import io.drydock.master.agent.AgentInfo;
import io.drydock.master.agent.AgentRegistry;
import io.drydock.master.allocation.AllocationActor;
import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.framework.FrameworkRegistry;
import io.drydock.master.machine.MachineModes;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.operation.Usage;
import io.drydock.master.state.ClusterSnapshot.AgentView;
import io.drydock.master.state.ClusterSnapshot.Figures;
import io.drydock.master.state.ClusterSnapshot.FrameworkView;
import io.drydock.master.task.Task;
import io.drydock.master.task.TaskRegistry;
import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.Authorizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link ClusterSnapshot} for a principal: registries outside the allocation actor, every allocator
 * figure in one {@link AllocationActor#operate} turn. Frameworks the principal may not view
 * ({@code view_frameworks}, object = the framework's user) are left out with their offers and inverse
 * offers; tasks need {@code view_tasks} on their framework's user; reservations of roles without
 * {@code view_roles} are left out of the per-role breakdown (their quantities still count in the totals).
 */
@Component
public class ClusterReader {

  private final AllocationActor allocation;
  private final AgentRegistry agents;
  private final FrameworkRegistry frameworks;
  private final TaskRegistry tasks;
  private final MachineModes machines;
  private final Authorizer authorizer;
  private final Clock clock;

  ClusterReader(AllocationActor allocation, AgentRegistry agents, FrameworkRegistry frameworks, TaskRegistry tasks,
      MachineModes machines, Authorizer authorizer, Clock clock) {
    this.allocation = allocation;
    this.agents = agents;
    this.frameworks = frameworks;
    this.tasks = tasks;
    this.machines = machines;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  /** @param principal the authenticated principal, or null (subject ANY) */
  public ClusterSnapshot read(String principal) {
    List<AgentInfo> registered = agents.all().stream().sorted(Comparator.comparing(AgentInfo::id)).toList();
    Map<String, FrameworkInfo> visible = new TreeMap<>();
    Map<String, Boolean> connected = new HashMap<>();
    for (FrameworkInfo f : frameworks.all()) {
      if (authorizer.isAllowed(principal, AclAction.VIEW_FRAMEWORKS, f.user())) {
        visible.put(f.id(), f);
        connected.put(f.id(), frameworks.isConnected(f.id()));
      }
    }
    Map<String, Boolean> taskViewable = new HashMap<>();
    List<Task> viewableTasks = new ArrayList<>();
    for (Task t : tasks.all()) {
      FrameworkInfo f = visible.get(t.frameworkId());
      String user = f == null ? frameworks.get(t.frameworkId()).map(FrameworkInfo::user).orElse(null) : f.user();
      if (taskViewable.computeIfAbsent(t.frameworkId(),
          id -> authorizer.isAllowed(principal, AclAction.VIEW_TASKS, user))) {
        viewableTasks.add(t);
      }
    }
    var modes = machines.all();
    return allocation.operate(op -> {
      Set<AgentId> known = op.agents();
      List<Offer> offers = op.offers();
      Map<String, Double> capacity = Usage.capacity(op);
      Figures cluster = new Figures(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
          new TreeMap<>());
      List<AgentView> agentViews = new ArrayList<>();
      for (AgentInfo info : registered) {
        AgentId id = AgentId.of(info.id());
        if (!known.contains(id)) {
          continue; // registered but not yet (or no longer) in the allocator
        }
        Resources total = op.allocator().total(id);
        Map<String, Double> offered = new TreeMap<>();
        offers.stream().filter(o -> o.agentId().equals(id))
            .forEach(o -> Usage.add(offered, ResourceCodec.quantities(o.resources()), 1));
        Map<String, Double> allocated = ResourceCodec.quantities(op.allocator().allocated(id));
        Usage.add(allocated, offered, -1);
        Map<String, Double> totals = ResourceCodec.quantities(total);
        Map<String, Double> idle = new TreeMap<>(totals);
        Usage.add(idle, allocated, -1);
        Usage.add(idle, offered, -1);
        Figures figures = new Figures(totals, positive(allocated), offered,
            ResourceCodec.quantities(total.filter(r -> !r.isUnreserved())), positive(idle));
        add(cluster, figures);
        Map<String, Map<String, Double>> byRole = new TreeMap<>();
        for (Resource r : total.items()) {
          if (!r.isUnreserved() && authorizer.isAllowed(principal, AclAction.VIEW_ROLES, r.role())) {
            Usage.add(byRole.computeIfAbsent(r.role(), k -> new TreeMap<>()),
                ResourceCodec.quantities(Resources.of(r)), 1);
          }
        }
        List<InverseOfferStatus> statuses = op.allocator().inverseOfferStatuses(id).stream()
            .filter(s -> visible.containsKey(s.frameworkId().value())).toList();
        agentViews.add(new AgentView(info, figures, byRole, total, machines.stateOf(info.machine()), statuses));
      }
      List<FrameworkView> frameworkViews = new ArrayList<>();
      for (FrameworkInfo f : visible.values()) {
        FrameworkId id = FrameworkId.of(f.id());
        Map<String, Double> held = new TreeMap<>();
        for (String role : f.roles()) {
          boolean nested = f.roles().stream().anyMatch(other -> Roles.isStrictSubroleOf(role, other));
          List<Resources> allocations = nested ? List.of() : op.allocator().allocationsOf(role).getOrDefault(id, List.of());
          allocations.forEach(r -> Usage.add(held, ResourceCodec.quantities(r), 1));
        }
        Map<String, Double> offered = new TreeMap<>();
        offers.stream().filter(o -> o.frameworkId().equals(id))
            .forEach(o -> Usage.add(offered, ResourceCodec.quantities(o.resources()), 1));
        double share = 0;
        for (Map.Entry<String, Double> c : capacity.entrySet()) {
          if (c.getValue() > 0) {
            share = Math.max(share, held.getOrDefault(c.getKey(), 0.0) / c.getValue());
          }
        }
        Map<String, Double> used = new TreeMap<>(held);
        Usage.add(used, offered, -1);
        frameworkViews.add(new FrameworkView(f, connected.getOrDefault(f.id(), false), positive(used), offered,
            share));
      }
      List<Offer> visibleOffers = offers.stream().filter(o -> visible.containsKey(o.frameworkId().value()))
          .sorted(Comparator.comparing(o -> o.id().value())).toList();
      List<InverseOffer> inverse = op.allocator().outstandingInverseOffers().stream()
          .filter(o -> visible.containsKey(o.frameworkId().value())).toList();
      return new ClusterSnapshot(clock.instant(), agentViews, frameworkViews, visibleOffers, inverse,
          viewableTasks, modes, positiveAll(cluster), capacity);
    }).join();
  }

  private static void add(Figures into, Figures from) {
    Usage.add(into.total(), from.total(), 1);
    Usage.add(into.allocated(), from.allocated(), 1);
    Usage.add(into.offered(), from.offered(), 1);
    Usage.add(into.reserved(), from.reserved(), 1);
    Usage.add(into.idle(), from.idle(), 1);
  }

  private static Figures positiveAll(Figures f) {
    return new Figures(f.total(), positive(f.allocated()), positive(f.offered()), positive(f.reserved()),
        positive(f.idle()));
  }

  private static Map<String, Double> positive(Map<String, Double> m) {
    m.values().removeIf(v -> v <= 1e-9);
    return m;
  }
}
