package io.drydock.master.weight;

import io.drydock.master.operation.OperationException;
import io.drydock.master.operation.ResourceCodec;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code WeightInfo} JSON as Mesos parses it (spec §3 steps 1–2). */
public final class WeightJson {

  private WeightJson() {}

  /** Steps 1–2 of spec §3: a JSON array of {@code WeightInfo}. */
  public static List<Weights.WeightInfo> parse(String body) {
    JsonNode array;
    try {
      array = ResourceCodec.JSON.readTree(body);
    } catch (RuntimeException e) {
      throw OperationException.badRequest("Failed to parse update weights request JSON '" + body + "': "
          + e.getMessage());
    }
    if (array == null || !array.isArray()) {
      throw OperationException.badRequest("Failed to parse update weights request JSON '" + body
          + "': Expecting a JSON array");
    }
    List<Weights.WeightInfo> out = new ArrayList<>();
    for (JsonNode info : array) {
      out.add(weightInfo(info, "Failed to convert weights JSON array to protobuf '" + body + "': "));
    }
    return out;
  }

  public static Weights.WeightInfo weightInfo(JsonNode info, String prefix) {
    if (info == null || !info.isObject()) {
      throw OperationException.badRequest(prefix + "Expecting a JSON object");
    }
    JsonNode weight = info.get("weight");
    if (weight == null || weight.isNull()) {
      throw OperationException.badRequest(prefix + "Missing required fields: weight");
    }
    double value;
    if (weight.isNumber()) {
      value = weight.doubleValue();
    } else if (weight.isString()) {
      try {
        value = Double.parseDouble(weight.stringValue().trim());
      } catch (NumberFormatException e) {
        throw OperationException.badRequest(prefix + "Failed to convert '" + weight.stringValue()
            + "' to number for field 'weight'");
      }
    } else {
      throw OperationException.badRequest(prefix + "Not expecting a JSON " + (weight.isObject() ? "object"
          : weight.isArray() ? "array" : "boolean") + " for field 'weight'");
    }
    JsonNode role = info.get("role");
    if (role != null && !role.isNull() && !role.isString()) {
      throw OperationException.badRequest(prefix + "Not expecting a JSON " + (role.isObject() ? "object"
          : "value") + " for field 'role'");
    }
    return new Weights.WeightInfo(role == null || role.isNull() ? null : role.stringValue(), value);
  }
}
