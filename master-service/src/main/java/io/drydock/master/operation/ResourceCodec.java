package io.drydock.master.operation;

import io.drydock.allocator.resources.Range;
import io.drydock.allocator.resources.Reservation;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.ResourceType;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.resources.Volume;
import io.drydock.allocator.role.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mesos v1 {@code Resource} JSON (spec §5.1) to and from allocator-core {@link Resources}: both reservation
 * formats on input (pre-refinement {@code role} + {@code reservation}, post-refinement {@code reservations}),
 * post-refinement on output; persistent volumes as {@code disk.persistence} + {@code disk.volume}. The JSON
 * form is lossless, so it is also how the registry stores reserved resources and volumes.
 */
public final class ResourceCodec {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private ResourceCodec() {}

  /**
   * Parses a JSON array of Resource objects.
   *
   * @throws IllegalArgumentException with the Mesos message on a malformed or invalid resource
   */
  public static Resources parseArray(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Failed to parse JSON: " + e.getMessage());
    }
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("Expecting a JSON array");
    }
    return parse(node);
  }

  /** Parses a JSON array node of Resource objects (see {@link #parseArray}). */
  public static Resources parse(JsonNode array) {
    Resources out = Resources.EMPTY;
    for (JsonNode r : array) {
      out = out.plus(parseOne(r));
    }
    return out;
  }

  /** A stored resource string: JSON (starting with {@code [}) or the Mesos text form. */
  public static Resources parseStored(String stored) {
    String s = stored == null ? "" : stored.trim();
    return s.startsWith("[") ? parseArray(s) : Resources.parse(s);
  }

  /** One Resource object. */
  public static Resource parseOne(JsonNode r) {
    if (r == null || !r.isObject()) {
      throw new IllegalArgumentException("Expecting a JSON object for a resource");
    }
    String name = text(r.get("name"));
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Empty resource name");
    }
    String type = text(r.get("type"));
    Resource resource;
    if ("RANGES".equals(type)) {
      JsonNode ranges = r.get("ranges");
      List<Range> out = new ArrayList<>();
      if (ranges != null && ranges.get("range") != null) {
        for (JsonNode x : ranges.get("range")) {
          long begin = x.path("begin").asLong();
          long end = x.path("end").asLong();
          if (begin > end) {
            throw new IllegalArgumentException("Invalid ranges resource: begin > end");
          }
          out.add(new Range(begin, end));
        }
      }
      resource = Resource.ranges(name, out);
    } else if ("SET".equals(type)) {
      JsonNode set = r.get("set");
      List<String> items = new ArrayList<>();
      if (set != null && set.get("item") != null) {
        set.get("item").forEach(x -> items.add(x.asString()));
      }
      if (items.size() != new java.util.HashSet<>(items).size()) {
        throw new IllegalArgumentException("Invalid set resource: duplicate items");
      }
      resource = Resource.set(name, items);
    } else if ("SCALAR".equals(type)) {
      JsonNode scalar = r.get("scalar");
      JsonNode value = scalar == null ? null : scalar.get("value");
      if (value == null || !(value.isNumber() || value.isString())) {
        throw new IllegalArgumentException("Invalid scalar resource: no value");
      }
      double d = value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asString());
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("Invalid scalar resource: value <= 0");
      }
      resource = Resource.scalar(name, d);
    } else if (type == null) {
      throw new IllegalArgumentException("Missing required fields: type");
    } else {
      throw new IllegalArgumentException("Unsupported resource type '" + type + "'");
    }
    resource = reserve(resource, r);
    Volume volume = volume(r);
    if (volume != null) {
      if (resource.reservations().isEmpty()) {
        throw new IllegalArgumentException("Persistent volumes cannot be created from unreserved resources");
      }
      resource = resource.withVolume(volume);
    }
    return resource;
  }

  private static Resource reserve(Resource resource, JsonNode r) {
    JsonNode stack = r.get("reservations");
    String role = text(r.get("role"));
    JsonNode legacy = r.get("reservation");
    if (stack != null && stack.isArray() && !stack.isEmpty()) {
      if (legacy != null && stack.size() > 1) {
        throw new IllegalArgumentException("Invalid reservation: 'Resource.reservation' must not be set with "
            + "refined reservations");
      }
      for (JsonNode entry : stack) {
        String entryRole = text(entry.get("role"));
        String entryType = text(entry.get("type"));
        if (entryRole == null || entryType == null) {
          throw new IllegalArgumentException("Invalid reservation: 'type' and 'role' must be set");
        }
        if (Roles.DEFAULT_ROLE.equals(entryRole)) {
          throw new IllegalArgumentException("Invalid reservation: role \"*\" cannot be reserved");
        }
        Roles.validate(entryRole).ifPresent(m -> {
          throw new IllegalArgumentException("Invalid reservation: " + m);
        });
        resource = resource.reserve("STATIC".equals(entryType) ? Reservation.staticFor(entryRole)
            : Reservation.dynamic(entryRole, text(entry.get("principal")), labels(entry.get("labels"))));
      }
      return resource;
    }
    if (role == null || Roles.DEFAULT_ROLE.equals(role)) {
      if (legacy != null) {
        throw new IllegalArgumentException("Invalid reservation: role \"*\" cannot be dynamically reserved");
      }
      return resource;
    }
    Roles.validate(role).ifPresent(m -> {
      throw new IllegalArgumentException("Invalid reservation: " + m);
    });
    if (legacy == null) {
      return resource.reserve(Reservation.staticFor(role));
    }
    if (legacy.get("type") != null || legacy.get("role") != null) {
      throw new IllegalArgumentException("Invalid reservation: 'Resource.reservation.type' and "
          + "'Resource.reservation.role' must not be set in the pre-refinement format");
    }
    return resource.reserve(Reservation.dynamic(role, text(legacy.get("principal")), labels(legacy.get("labels"))));
  }

  private static List<Reservation.Label> labels(JsonNode labels) {
    List<Reservation.Label> out = new ArrayList<>();
    if (labels != null && labels.get("labels") != null) {
      labels.get("labels").forEach(l -> out.add(new Reservation.Label(text(l.get("key")), text(l.get("value")))));
    }
    return out;
  }

  private static Volume volume(JsonNode r) {
    JsonNode disk = r.get("disk");
    if (disk == null || disk.isNull()) {
      return null;
    }
    if (!"disk".equals(text(r.get("name")))) {
      throw new IllegalArgumentException("DiskInfo should not be set for " + text(r.get("name")) + " resource");
    }
    JsonNode persistence = disk.get("persistence");
    if (persistence == null) {
      throw new IllegalArgumentException("'persistence' is not set in DiskInfo");
    }
    JsonNode v = disk.get("volume");
    if (v == null) {
      throw new IllegalArgumentException("Expecting 'volume' to be set for persistent volume");
    }
    if (v.get("host_path") != null) {
      throw new IllegalArgumentException("Expecting 'host_path' to be unset for persistent volume");
    }
    String mode = text(v.get("mode"));
    if ("RO".equals(mode)) {
      throw new IllegalArgumentException("Read-only persistent volume not supported");
    }
    String id = text(persistence.get("id"));
    String invalid = invalidId(id);
    if (invalid != null) {
      throw new IllegalArgumentException("Invalid persistence ID for persistent volume: " + invalid);
    }
    return new Volume(id, text(persistence.get("principal")), text(v.get("container_path")), true);
  }

  /** Mesos {@code common::validation::validateID}. */
  private static String invalidId(String id) {
    if (id == null || id.isEmpty()) {
      return "ID must not be empty";
    }
    if (id.length() > 255) {
      return "ID must not be greater than 255 characters";
    }
    if (id.equals(".") || id.equals("..")) {
      return "'" + id + "' is disallowed";
    }
    for (char c : id.toCharArray()) {
      if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') {
        return "'" + id + "' contains invalid characters";
      }
    }
    return null;
  }

  // ---- rendering ---------------------------------------------------------------------------

  /** Resources as a JSON array of Mesos Resource objects. */
  public static ArrayNode render(Resources resources) {
    ArrayNode out = JSON.createArrayNode();
    resources.items().forEach(r -> out.add(render(r)));
    return out;
  }

  public static String toJson(Resources resources) {
    return JSON.writeValueAsString(render(resources));
  }

  public static ObjectNode render(Resource r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", r.name());
    o.put("type", r.type().name());
    if (r.type() == ResourceType.SCALAR) {
      o.putObject("scalar").put("value", r.scalar());
    } else if (r.type() == ResourceType.RANGES) {
      ArrayNode ranges = o.putObject("ranges").putArray("range");
      r.ranges().forEach(x -> ranges.addObject().put("begin", x.begin()).put("end", x.end()));
    } else {
      ArrayNode items = o.putObject("set").putArray("item");
      r.items().forEach(items::add);
    }
    if (!r.reservations().isEmpty()) {
      ArrayNode stack = o.putArray("reservations");
      for (Reservation res : r.reservations()) {
        ObjectNode e = stack.addObject();
        e.put("type", res.type().name());
        e.put("role", res.role());
        if (res.principal() != null) {
          e.put("principal", res.principal());
        }
        if (!res.labels().isEmpty()) {
          ArrayNode labels = e.putObject("labels").putArray("labels");
          res.labels().forEach(l -> {
            ObjectNode label = labels.addObject().put("key", l.key());
            if (l.value() != null) {
              label.put("value", l.value());
            }
          });
        }
      }
    }
    if (r.volume() != null) {
      ObjectNode disk = o.putObject("disk");
      ObjectNode persistence = disk.putObject("persistence").put("id", r.volume().persistenceId());
      if (r.volume().principal() != null) {
        persistence.put("principal", r.volume().principal());
      }
      ObjectNode volume = disk.putObject("volume").put("mode", r.volume().readWrite() ? "RW" : "RO");
      if (r.volume().containerPath() != null) {
        volume.put("container_path", r.volume().containerPath());
      }
    }
    return o;
  }

  /** Mesos quantities: name → number; ranges and sets count their items (spec §2.3). */
  public static Map<String, Double> quantities(Resources resources) {
    Map<String, Double> out = new TreeMap<>();
    for (Resource r : resources.items()) {
      out.merge(r.name(), r.quantityMillis() / 1000.0, Double::sum);
    }
    return out;
  }

  /** {@link #quantities} as a JSON object. */
  public static ObjectNode quantitiesJson(Resources resources) {
    ObjectNode o = JSON.createObjectNode();
    quantities(resources).forEach(o::put);
    return o;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asString();
  }
}
