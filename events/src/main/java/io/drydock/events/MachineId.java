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

  /** A stable key: lower-cased hostname and ip, with absence distinct from the empty string. */
  @JsonIgnore
  public String key() {
    return (hostname == null ? "\u0000" : hostname.toLowerCase(Locale.ROOT)) + "|" + (ip == null ? "\u0000" : ip);
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
