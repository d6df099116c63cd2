package io.drydock.maintenance.domain;

import io.drydock.events.MachineId;

/**
 * JSON text exactly as Mesos's stout writes it: compact, and strings escaped the stout way ({@code /} as
 * {@code \/}, control characters and DEL as {@code \\u} escapes). Error messages embed machines in this form,
 * e.g. {@code {"hostname":"Machine3","ip":"0.0.0.3"}}.
 */
public final class StoutJson {

  private StoutJson() {}

  /** A machine id as compact JSON: hostname then ip, each only when present. */
  public static String machine(MachineId id) {
    StringBuilder out = new StringBuilder("{");
    if (id.hostname() != null) {
      out.append("\"hostname\":");
      quote(out, id.hostname());
    }
    if (id.ip() != null) {
      if (id.hostname() != null) {
        out.append(',');
      }
      out.append("\"ip\":");
      quote(out, id.ip());
    }
    return out.append('}').toString();
  }

  /** Appends {@code value} as a JSON string with stout's escaping. */
  public static void quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append("\\/");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
