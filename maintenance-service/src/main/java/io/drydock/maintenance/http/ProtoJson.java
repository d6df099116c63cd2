package io.drydock.maintenance.http;

import io.drydock.maintenance.domain.StoutJson;
import io.drydock.maintenance.http.ProtoType.Field;
import io.drydock.maintenance.http.ProtoType.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON ⇄ protobuf as Mesos's stout does it (spec §0.3): keys are field names, unknown keys ignored, keys
 * visited in sorted order (stout keeps objects in a {@code std::map}), {@code null} means unset, a single
 * value for a repeated field counts as one element, numeric strings are accepted for integer fields, an
 * unknown enum name drops an optional field; missing required fields are reported with their paths.
 * Rendering omits unset and empty repeated fields and escapes strings like stout.
 */
public final class ProtoJson {

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ProtoJson() {}

  /** The body parsed as JSON; the message is a parse error's text. */
  public static JsonNode parseJson(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new ProtoException("syntax error at line 1 near: ");
      }
      return node;
    } catch (JacksonException e) {
      String message = e.getOriginalMessage();
      long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new ProtoException("syntax error at line " + line + " near: " + abbreviate(message));
    }
  }

  /** A message of {@code type} from a JSON value ({@code Expecting a JSON object} otherwise). */
  public static ProtoMessage parse(ProtoType type, JsonNode node) {
    if (!node.isObject()) {
      throw new ProtoException("Expecting a JSON object");
    }
    ProtoMessage message = new ProtoMessage(type);
    parseInto(message, node);
    List<String> missing = new ArrayList<>();
    missing(message, "", missing);
    if (!missing.isEmpty()) {
      throw new ProtoException("Missing required fields: " + String.join(", ", missing));
    }
    return message;
  }

  /** A sequence of messages from a JSON array ({@code Expecting a JSON array} otherwise). */
  public static List<ProtoMessage> parseArray(ProtoType type, JsonNode node) {
    if (!node.isArray()) {
      throw new ProtoException("Expecting a JSON array");
    }
    List<ProtoMessage> messages = new ArrayList<>();
    for (JsonNode element : node.values()) {
      messages.add(parse(type, element));
    }
    return messages;
  }

  /** Renders a message as compact JSON, stout style. */
  public static String render(ProtoMessage message) {
    StringBuilder out = new StringBuilder();
    write(out, message);
    return out.toString();
  }

  private static void parseInto(ProtoMessage message, JsonNode object) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      sorted.put(entry.getKey(), entry.getValue());
    }
    for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
      Field field = message.type().field(entry.getKey());
      if (field != null) {
        apply(message, field, entry.getValue());
      }
    }
  }

  private static void apply(ProtoMessage message, Field field, JsonNode value) {
    if (value.isNull()) {
      return;
    }
    if (value.isArray()) {
      if (!field.repeated()) {
        throw notExpecting("array", field);
      }
      for (JsonNode element : value.values()) {
        apply(message, field, element);
      }
    } else if (value.isObject()) {
      if (field.kind() != Kind.MESSAGE) {
        throw notExpecting("object", field);
      }
      ProtoMessage target = field.repeated() ? null : message.message(field.name());
      if (target == null) {
        target = new ProtoMessage(field.messageType().get());
        store(message, field, target);
      }
      parseInto(target, value);
    } else if (value.isString()) {
      String text = value.stringValue();
      switch (field.kind()) {
        case STRING -> store(message, field, text);
        case ENUM -> {
          if (field.enumValues().contains(text)) {
            store(message, field, text);
          } else if (field.required()) {
            throw new ProtoException("Failed to find enum for '" + text + "'");
          }
        }
        case INT64 -> store(message, field, integerFromString(text, field));
        default -> throw notExpecting("string", field);
      }
    } else if (value.isNumber()) {
      if (field.kind() != Kind.INT64) {
        throw notExpecting("number", field);
      }
      if (!value.canConvertToLong()) {
        // silently clamping 9223372036854775808 to Long.MAX_VALUE would store a time nobody asked for
        throw new ProtoException("Failed to convert '" + value + "' to number for field '" + field.name() + "'");
      }
      store(message, field, value.isIntegralNumber() ? value.longValue() : (long) value.doubleValue());
    } else if (value.isBoolean()) {
      throw notExpecting("boolean", field);
    }
  }

  private static long integerFromString(String text, Field field) {
    try {
      return new BigDecimal(text.trim()).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ProtoException("Failed to convert '" + text + "' to number for field '" + field.name() + "'");
    }
  }

  private static void store(ProtoMessage message, Field field, Object value) {
    if (field.repeated()) {
      message.add(field.name(), value);
    } else {
      message.set(field.name(), value);
    }
  }

  private static ProtoException notExpecting(String jsonType, Field field) {
    return new ProtoException("Not expecting a JSON " + jsonType + " for field '" + field.name() + "'");
  }

  /** Protobuf's InitializationErrorString: own required fields, then set sub-messages, in field order. */
  private static void missing(ProtoMessage message, String prefix, List<String> out) {
    for (Field field : message.type().fields()) {
      if (field.required() && !message.has(field.name())) {
        out.add(prefix + field.name());
      }
    }
    for (Field field : message.type().fields()) {
      if (field.kind() != Kind.MESSAGE || !message.has(field.name())) {
        continue;
      }
      if (field.repeated()) {
        List<ProtoMessage> elements = message.messages(field.name());
        for (int i = 0; i < elements.size(); i++) {
          missing(elements.get(i), prefix + field.name() + "[" + i + "].", out);
        }
      } else {
        missing(message.message(field.name()), prefix + field.name() + ".", out);
      }
    }
  }

  private static void write(StringBuilder out, ProtoMessage message) {
    out.append('{');
    boolean first = true;
    for (Field field : message.type().fields()) {
      if (!message.has(field.name())) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      StoutJson.quote(out, field.name());
      out.append(':');
      Object value = message.raw(field.name());
      if (field.repeated()) {
        out.append('[');
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          writeValue(out, list.get(i));
        }
        out.append(']');
      } else {
        writeValue(out, value);
      }
    }
    out.append('}');
  }

  private static void writeValue(StringBuilder out, Object value) {
    if (value instanceof ProtoMessage nested) {
      write(out, nested);
    } else if (value instanceof Long number) {
      out.append(number.longValue());
    } else {
      StoutJson.quote(out, String.valueOf(value));
    }
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replace('\n', ' ');
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }
}
