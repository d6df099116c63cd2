package io.drydock.master.scheduler;

import io.drydock.allocator.resources.Range;
import io.drydock.allocator.resources.Reservation;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.resources.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Task resources as a framework sends them: Mesos v1 {@code Resource} JSON
 * ({@code {"name":"cpus","type":"SCALAR","scalar":{"value":1}}}), or the shape offers arrive in on Kafka
 * ({@code {"name":"cpus","scalar":1.0}}), so a framework may echo what it was offered.
 */
final class ResourceJson {

  private ResourceJson() {}

  /** @throws IllegalArgumentException when a resource is malformed (the task is then invalid) */
  static Resources parse(List<JsonNode> resources) {
    List<Resource> out = new ArrayList<>();
    for (JsonNode r : resources) {
      out.add(parseOne(r));
    }
    return Resources.of(out);
  }

  private static Resource parseOne(JsonNode r) {
    String name = text(r.get("name"));
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Empty resource name");
    }
    JsonNode scalar = r.get("scalar");
    JsonNode ranges = r.get("ranges");
    JsonNode set = r.get("set");
    String type = text(r.get("type"));
    Resource resource;
    if ("RANGES".equals(type) || (type == null && ranges != null)) {
      JsonNode list = ranges != null && ranges.isObject() ? ranges.get("range") : ranges;
      List<Range> out = new ArrayList<>();
      if (list != null) {
        list.forEach(x -> out.add(new Range(x.path("begin").asLong(), x.path("end").asLong())));
      }
      resource = Resource.ranges(name, out);
    } else if ("SET".equals(type) || (type == null && set != null)) {
      JsonNode list = set != null && set.isObject() ? set.get("item") : set;
      List<String> items = new ArrayList<>();
      if (list != null) {
        list.forEach(x -> items.add(x.asString()));
      }
      resource = Resource.set(name, items);
    } else if ("SCALAR".equals(type) || type == null) {
      JsonNode value = scalar != null && scalar.isObject() ? scalar.get("value") : scalar;
      if (value == null || !(value.isNumber() || value.isString())) {
        throw new IllegalArgumentException("Invalid scalar resource '" + name + "': no value");
      }
      resource = Resource.scalar(name, value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asString()));
    } else {
      throw new IllegalArgumentException("Unknown resource type '" + type + "'");
    }
    JsonNode reservations = r.get("reservations");
    if (reservations != null && reservations.isArray() && !reservations.isEmpty()) {
      for (JsonNode res : reservations) {
        resource = resource.reserve(reservation(res));
      }
    } else {
      String role = text(r.get("role"));
      if (role != null && !role.equals("*")) {
        JsonNode legacy = r.get("reservation");
        resource = resource.reserve(legacy == null ? Reservation.staticFor(role)
            : Reservation.dynamic(role, text(legacy.get("principal")), labels(legacy.get("labels"))));
      }
    }
    Volume volume = volume(r);
    return volume == null ? resource : resource.withVolume(volume);
  }

  private static Reservation reservation(JsonNode res) {
    String type = text(res.get("type"));
    String role = text(res.get("role"));
    if ("STATIC".equals(type)) {
      return Reservation.staticFor(role);
    }
    return Reservation.dynamic(role, text(res.get("principal")), labels(res.get("labels")));
  }

  private static List<Reservation.Label> labels(JsonNode labels) {
    List<Reservation.Label> out = new ArrayList<>();
    if (labels == null || labels.isNull()) {
      return out;
    }
    if (labels.isObject() && labels.get("labels") != null && labels.get("labels").isArray()) {
      labels.get("labels").forEach(l -> out.add(new Reservation.Label(text(l.get("key")), text(l.get("value")))));
    } else if (labels.isObject()) {
      for (Map.Entry<String, JsonNode> e : labels.properties()) {
        out.add(new Reservation.Label(e.getKey(), e.getValue().asString()));
      }
    }
    return out;
  }

  private static Volume volume(JsonNode r) {
    JsonNode drydock = r.get("volume");
    if (drydock != null && drydock.isObject() && drydock.get("persistenceId") != null) {
      return new Volume(text(drydock.get("persistenceId")), text(drydock.get("principal")),
          text(drydock.get("containerPath")), true);
    }
    JsonNode disk = r.get("disk");
    JsonNode persistence = disk == null ? null : disk.get("persistence");
    if (persistence == null) {
      return null;
    }
    JsonNode v = disk.get("volume");
    return new Volume(text(persistence.get("id")), text(persistence.get("principal")),
        v == null ? null : text(v.get("container_path")), v == null || !"RO".equals(text(v.get("mode"))));
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asString();
  }
}
