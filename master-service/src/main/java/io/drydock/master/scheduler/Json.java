package io.drydock.master.scheduler;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads Mesos v1 JSON the way stout's JSON → protobuf conversion does (spec §0.3): snake_case field
 * names, unknown keys ignored, numbers also accepted as strings, a message field given a scalar is an
 * error ({@code Not expecting a JSON string for field 'x'}).
 */
final class Json {

  private Json() {}

  /** A message field, or null when absent. */
  static JsonNode message(JsonNode parent, String field) {
    JsonNode n = present(parent, field);
    if (n != null && !n.isObject()) {
      throw CallException.conversion("Not expecting a JSON " + kind(n) + " for field '" + field + "'");
    }
    return n;
  }

  /** A repeated field (empty when absent). */
  static List<JsonNode> repeated(JsonNode parent, String field) {
    JsonNode n = present(parent, field);
    if (n == null) {
      return List.of();
    }
    if (!n.isArray()) {
      throw CallException.conversion("Not expecting a JSON " + kind(n) + " for field '" + field + "'");
    }
    List<JsonNode> out = new ArrayList<>();
    n.forEach(out::add);
    return out;
  }

  static String string(JsonNode parent, String field) {
    JsonNode n = present(parent, field);
    if (n == null) {
      return null;
    }
    if (n.isString()) {
      return n.stringValue();
    }
    if (n.isNumber() || n.isBoolean()) {
      return n.asString();
    }
    throw CallException.conversion("Not expecting a JSON " + kind(n) + " for field '" + field + "'");
  }

  static Double number(JsonNode parent, String field) {
    JsonNode n = present(parent, field);
    if (n == null) {
      return null;
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isString()) {
      try {
        return Double.parseDouble(n.stringValue().trim());
      } catch (NumberFormatException e) {
        throw CallException.conversion("Failed to convert '" + n.stringValue() + "' to number for field '"
            + field + "'");
      }
    }
    throw CallException.conversion("Not expecting a JSON " + kind(n) + " for field '" + field + "'");
  }

  /** The {@code value} of an id message such as {@code {"framework_id":{"value":"..."}}}, or null. */
  static String id(JsonNode parent, String field) {
    JsonNode n = message(parent, field);
    return n == null ? null : string(n, "value");
  }

  private static JsonNode present(JsonNode parent, String field) {
    if (parent == null) {
      return null;
    }
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? null : n;
  }

  private static String kind(JsonNode n) {
    if (n.isString()) {
      return "string";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    if (n.isArray()) {
      return "array";
    }
    return "object";
  }
}
