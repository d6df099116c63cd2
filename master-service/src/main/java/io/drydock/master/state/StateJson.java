package io.drydock.master.state;

import io.drydock.allocator.InverseOffer;
import io.drydock.allocator.InverseOfferStatus;
import io.drydock.allocator.Offer;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.events.MachineId;
import io.drydock.events.Unavailability;
import io.drydock.master.agent.AgentInfo;
import io.drydock.master.allocation.Unavailabilities;
import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.machine.MachineModes.MachineState;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.state.ClusterSnapshot.AgentView;
import io.drydock.master.state.ClusterSnapshot.Figures;
import io.drydock.master.state.ClusterSnapshot.FrameworkView;
import io.drydock.master.task.Task;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mesos's JSON of {@code /master/state}, {@code /slaves}, {@code /frameworks} and {@code /tasks} (field names
 * of Mesos's master JSON, enums by name, times in seconds as Mesos's {@code registered_time}, protobuf messages
 * such as {@code Unavailability} as spec §0.3 renders them). Lists are always present, as Mesos's
 * hand-written state JSON has them. Drydock's additions, used by the console: {@code resource_summary}
 * (total / allocated / offered / reserved / idle, kept apart; see {@link ClusterSnapshot}), the agent's
 * {@code ip}, {@code idle_resources}, {@code machine} (Mesos {@code MachineInfo}) and
 * {@code inverse_offer_statuses}, the framework's {@code dominant_share} and {@code inverse_offers}, the
 * task's {@code hostname}, and the state's {@code maintenance.machines}.
 */
public final class StateJson {

  private StateJson() {}

  /** {@code /master/state}. */
  public static ObjectNode state(ClusterSnapshot s) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    o.put("version", "drydock-0.1.0");
    o.put("time", seconds(s.at()));
    o.put("activated_slaves", s.agents().size());
    o.put("deactivated_slaves", 0);
    o.put("unreachable_slaves", 0);
    o.set("resource_summary", figures(s.cluster()));
    o.set("slaves", slaves(s));
    o.set("frameworks", frameworks(s, null));
    o.putArray("completed_frameworks");
    o.putArray("unregistered_frameworks");
    o.putArray("orphan_tasks");
    ArrayNode machines = o.putObject("maintenance").putArray("machines");
    s.machines().entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<MachineId, MachineState> e) -> e.getKey().key()))
        .forEach(e -> machines.add(machineInfo(e.getKey(), e.getValue())));
    return o;
  }

  /** {@code /master/slaves}: every registered agent, or the one whose id is given. */
  public static ObjectNode slavesEndpoint(ClusterSnapshot s, String slaveId) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    ArrayNode slaves = o.putArray("slaves");
    slaves(s).forEach(a -> {
      if (slaveId == null || slaveId.equals(a.get("id").asString())) {
        slaves.add(a);
      }
    });
    o.putArray("recovered_slaves");
    return o;
  }

  /** {@code /master/frameworks}: every visible framework, or the one whose id is given. */
  public static ObjectNode frameworksEndpoint(ClusterSnapshot s, String frameworkId) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    o.set("frameworks", frameworks(s, frameworkId));
    o.putArray("completed_frameworks");
    o.putArray("unregistered_frameworks");
    return o;
  }

  /** One task as Mesos renders it. */
  public static ObjectNode task(Task t, Map<String, AgentInfo> agents) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    o.put("id", t.taskId());
    o.put("name", t.name() == null ? t.taskId() : t.name());
    o.put("framework_id", t.frameworkId());
    o.put("slave_id", t.agentId());
    AgentInfo agent = agents.get(t.agentId());
    if (agent != null) {
      o.put("hostname", agent.hostname());
    }
    o.put("state", t.state().name());
    o.put("role", t.role());
    o.set("resources", quantities(stored(t.resources())));
    ObjectNode status = o.putArray("statuses").addObject();
    status.put("state", t.state().name());
    if (t.updatedAt() != null) {
      status.put("timestamp", seconds(t.updatedAt()));
    }
    if (t.reason() != null) {
      status.put("reason", t.reason());
    }
    if (t.message() != null) {
      status.put("message", t.message());
    }
    return o;
  }

  /** The agents by id, for the tasks' hostnames. */
  public static Map<String, AgentInfo> agentsById(ClusterSnapshot s) {
    Map<String, AgentInfo> out = new TreeMap<>();
    s.agents().forEach(a -> out.put(a.info().id(), a.info()));
    return out;
  }

  private static ArrayNode slaves(ClusterSnapshot s) {
    ArrayNode out = ResourceCodec.JSON.createArrayNode();
    for (AgentView a : s.agents()) {
      AgentInfo info = a.info();
      ObjectNode o = out.addObject();
      o.put("id", info.id());
      o.put("hostname", info.hostname());
      o.put("ip", info.ip());
      o.put("endpoint", info.endpoint());
      o.put("active", true);
      if (info.registeredAt() != null) {
        o.put("registered_time", seconds(info.registeredAt()));
      }
      ObjectNode attributes = o.putObject("attributes");
      info.attributes().forEach(attributes::put);
      Figures f = a.figures();
      o.set("resources", number(f.total()));
      o.set("used_resources", number(f.allocated()));
      o.set("offered_resources", number(f.offered()));
      o.set("idle_resources", number(f.idle()));
      Resources unreserved = a.totalResources().filter(Resource::isUnreserved);
      o.set("unreserved_resources", quantities(unreserved));
      ObjectNode reserved = o.putObject("reserved_resources");
      a.reservedByRole().forEach((role, q) -> reserved.set(role, number(q)));
      ObjectNode full = o.putObject("reserved_resources_full");
      a.reservedByRole().keySet().forEach(role -> full.set(role,
          ResourceCodec.render(a.totalResources().filter(r -> !r.isUnreserved() && r.role().equals(role)))));
      o.set("resource_summary", figures(f));
      o.set("machine", machineInfo(info.machine(), a.machine()));
      ArrayNode statuses = o.putArray("inverse_offer_statuses");
      a.inverseOfferStatuses().forEach(st -> statuses.add(status(st)));
    }
    return out;
  }

  private static ArrayNode frameworks(ClusterSnapshot s, String onlyId) {
    Map<String, AgentInfo> agents = agentsById(s);
    ArrayNode out = ResourceCodec.JSON.createArrayNode();
    for (FrameworkView v : s.frameworks()) {
      FrameworkInfo f = v.info();
      if (onlyId != null && !onlyId.equals(f.id())) {
        continue;
      }
      ObjectNode o = out.addObject();
      o.put("id", f.id());
      o.put("name", f.name());
      o.put("user", f.user());
      if (f.principal() != null) {
        o.put("principal", f.principal());
      }
      ArrayNode roles = o.putArray("roles");
      f.roles().forEach(roles::add);
      o.put("active", v.connected());
      o.put("connected", v.connected());
      if (f.registeredAt() != null) {
        o.put("registered_time", seconds(f.registeredAt()));
      }
      o.put("failover_timeout", f.failoverTimeoutSeconds());
      ArrayNode capabilities = o.putArray("capabilities");
      f.capabilities().stream().sorted().forEach(c -> capabilities.addObject().put("type", c));
      Map<String, Double> held = new TreeMap<>(v.allocated());
      v.offered().forEach((n, q) -> held.merge(n, q, Double::sum));
      o.set("resources", number(held));
      o.set("used_resources", number(v.allocated()));
      o.set("offered_resources", number(v.offered()));
      o.put("dominant_share", Math.round(v.dominantShare() * 10_000) / 10_000.0);
      ArrayNode tasks = o.putArray("tasks");
      ArrayNode completed = o.putArray("completed_tasks");
      s.tasks().stream().filter(t -> t.frameworkId().equals(f.id()))
          .forEach(t -> (t.state().isTerminal() ? completed : tasks).add(task(t, agents)));
      ArrayNode offers = o.putArray("offers");
      s.offers().stream().filter(x -> x.frameworkId().value().equals(f.id()))
          .forEach(x -> offers.add(offer(x, agents)));
      ArrayNode inverse = o.putArray("inverse_offers");
      s.inverseOffers().stream().filter(x -> x.frameworkId().value().equals(f.id()))
          .forEach(x -> inverse.add(inverseOffer(x)));
      o.putArray("executors");
    }
    return out;
  }

  private static ObjectNode offer(Offer x, Map<String, AgentInfo> agents) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    o.put("id", x.id().value());
    o.put("framework_id", x.frameworkId().value());
    o.put("slave_id", x.agentId().value());
    AgentInfo agent = agents.get(x.agentId().value());
    if (agent != null) {
      o.put("hostname", agent.hostname());
    }
    o.set("resources", quantities(x.resources()));
    o.putObject("allocation_info").put("role", x.role());
    x.unavailability().ifPresent(u -> o.set("unavailability", unavailability(Unavailabilities.toEvent(u))));
    return o;
  }

  private static ObjectNode inverseOffer(InverseOffer x) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    o.put("id", x.id().value());
    o.put("framework_id", x.frameworkId().value());
    o.put("slave_id", x.agentId().value());
    ObjectNode machine = o.putObject("machine_id");
    machine.put("hostname", x.machineId().hostname());
    machine.put("ip", x.machineId().ip());
    o.set("unavailability", unavailability(Unavailabilities.toEvent(x.unavailability())));
    return o;
  }

  private static ObjectNode status(InverseOfferStatus st) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    o.put("status", st.answer().name());
    o.putObject("framework_id").put("value", st.frameworkId().value());
    o.putObject("timestamp").put("nanoseconds", nanos(st.timestamp()));
    return o;
  }

  private static ObjectNode machineInfo(MachineId id, MachineState state) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    ObjectNode machineId = o.putObject("id");
    machineId.put("hostname", id.hostname());
    if (id.ip() != null) {
      machineId.put("ip", id.ip());
    }
    o.put("mode", state.mode().name());
    if (state.unavailability() != null) {
      o.set("unavailability", unavailability(state.unavailability()));
    }
    return o;
  }

  private static ObjectNode unavailability(Unavailability u) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    o.putObject("start").put("nanoseconds", u.startNanos());
    if (u.durationNanos() != null) {
      o.putObject("duration").put("nanoseconds", u.durationNanos());
    }
    return o;
  }

  private static ObjectNode figures(Figures f) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    o.set("total", number(f.total()));
    o.set("allocated", number(f.allocated()));
    o.set("offered", number(f.offered()));
    o.set("reserved", number(f.reserved()));
    o.set("idle", number(f.idle()));
    return o;
  }

  private static ObjectNode quantities(Resources r) {
    return number(ResourceCodec.quantities(r));
  }

  private static ObjectNode number(Map<String, Double> q) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    q.forEach((n, v) -> o.put(n, Math.round(v * 1000) / 1000.0));
    return o;
  }

  private static Resources stored(String resources) {
    try {
      return ResourceCodec.parseStored(resources);
    } catch (RuntimeException e) {
      return Resources.EMPTY;
    }
  }

  private static double seconds(Instant at) {
    return at.getEpochSecond() + at.getNano() / 1e9;
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }

  /**
   * {@code /master/tasks}: active and completed tasks, ordered by their latest status time ({@code des}, the
   * default, newest first; or {@code asc}), optionally of one framework and/or one task id, then paged.
   */
  public static ObjectNode tasksEndpoint(ClusterSnapshot s, int limit, int offset, boolean descending,
      String frameworkId, String taskId) {
    Comparator<Task> byTime = Comparator.comparing((Task t) -> t.updatedAt() == null ? Instant.EPOCH : t.updatedAt())
        .thenComparing(Task::taskId);
    Map<String, AgentInfo> agents = agentsById(s);
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    ArrayNode out = o.putArray("tasks");
    s.tasks().stream()
        .filter(t -> frameworkId == null || frameworkId.equals(t.frameworkId()))
        .filter(t -> taskId == null || taskId.equals(t.taskId()))
        .sorted(descending ? byTime.reversed() : byTime)
        .skip(offset).limit(limit)
        .forEach(t -> out.add(task(t, agents)));
    return o;
  }
}
