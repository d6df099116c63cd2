package io.drydock.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * A machine, identified as in Mesos by hostname and IP together. Either may be absent, and presence
 * matters: {@code {hostname:a}} is not {@code {hostname:a, ip:""}}. Hostnames compare
 * case-insensitively; the hostname is kept as given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MachineId(String hostname, String ip) {

  /**
   * A stable key: lower-cased hostname and ip, each length-prefixed ({@code 5:node1|7:1.2.3.4}) with
   * absence ({@code -}) distinct from the empty string ({@code 0:}). Printable, so it can be a Kafka key
   * and a PostgreSQL text value, and unambiguous whatever the hostname contains.
   */
  @JsonIgnore
  public String key() {
    return part(hostname == null ? null : hostname.toLowerCase(Locale.ROOT)) + "|" + part(ip);
  }

  private static String part(String value) {
    return value == null ? "-" : value.length() + ":" + value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MachineId other && key().equals(other.key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }
}
