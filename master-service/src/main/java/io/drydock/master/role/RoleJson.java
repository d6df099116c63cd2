package io.drydock.master.role;

import io.drydock.allocator.resources.Resource;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.operation.Usage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes of roles: {@code GET /roles} and the v1 {@code GET_ROLES} response. */
public final class RoleJson {

  private RoleJson() {}

  /** {@code {"roles":[...]}} of {@code GET /roles}. */
  public static ObjectNode endpoint(List<RoleSummary> roles) {
    ObjectNode out = ResourceCodec.JSON.createObjectNode();
    ArrayNode list = out.putArray("roles");
    for (RoleSummary r : roles) {
      ObjectNode o = list.addObject();
      o.put("name", r.name());
      o.put("weight", r.weight());
      ArrayNode frameworks = o.putArray("frameworks");
      r.frameworks().forEach(frameworks::add);
      Map<String, Double> resources = new TreeMap<>(r.allocated());
      Usage.add(resources, r.offered(), 1);
      o.set("resources", map(resources));
      o.set("allocated", map(r.allocated()));
      o.set("offered", map(r.offered()));
      o.set("reserved", map(r.reserved()));
      ObjectNode quota = o.putObject("quota");
      quota.put("role", r.name());
      quota.set("guarantee", map(r.guarantee()));
      quota.set("limit", map(r.limit()));
      quota.set("consumed", map(r.consumed()));
    }
    return out;
  }

  /** {@code {"type":"GET_ROLES","get_roles":{"roles":[...]}}}: resources are cpus/mem/disk/gpus only. */
  public static ObjectNode v1(List<RoleSummary> roles) {
    ObjectNode out = ResourceCodec.JSON.createObjectNode().put("type", "GET_ROLES");
    ObjectNode getRoles = out.putObject("get_roles");
    if (roles.isEmpty()) {
      return out;
    }
    ArrayNode list = getRoles.putArray("roles");
    for (RoleSummary r : roles) {
      ObjectNode o = list.addObject().put("name", r.name()).put("weight", r.weight());
      if (!r.frameworks().isEmpty()) {
        ArrayNode frameworks = o.putArray("frameworks");
        r.frameworks().forEach(id -> frameworks.addObject().put("value", id));
      }
      Map<String, Double> resources = new TreeMap<>(r.allocated());
      Usage.add(resources, r.offered(), 1);
      ArrayNode rs = ResourceCodec.JSON.createArrayNode();
      resources.forEach((name, v) -> {
        if (List.of("cpus", "mem", "disk", "gpus").contains(name) && v > 0) {
          rs.add(ResourceCodec.render(Resource.scalar(name, v)));
        }
      });
      if (!rs.isEmpty()) {
        o.set("resources", rs);
      }
    }
    return out;
  }

  private static ObjectNode map(Map<String, Double> m) {
    ObjectNode o = ResourceCodec.JSON.createObjectNode();
    m.forEach(o::put);
    return o;
  }
}
