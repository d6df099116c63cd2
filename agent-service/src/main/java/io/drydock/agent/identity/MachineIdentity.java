package io.drydock.agent.identity;

import java.util.Locale;

/**
 * The machine an agent runs on: hostname and IPv4 address together, as Mesos identifies machines
 * (the hostname compares case-insensitively, so it is kept lower-case).
 */
public record MachineIdentity(String hostname, String ip) {

  public MachineIdentity {
    if (hostname == null || hostname.isBlank()) {
      throw new IllegalArgumentException("hostname must not be blank");
    }
    if (ip == null || !ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new IllegalArgumentException("ip must be an IPv4 address, not '" + ip + "'");
    }
    hostname = hostname.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The identity of simulated agent {@code i} (1-based): {@code <prefix><i>} at {@code 127.0.1.<i>},
   * continuing at {@code 127.0.2.1} after 254 agents.
   */
  public static MachineIdentity simulated(String prefix, int i) {
    int k = i - 1;
    int third = 1 + k / 254;
    return new MachineIdentity(prefix + i, "127." + (third / 256) + "." + (third % 256) + "." + (1 + k % 254));
  }

  @Override
  public String toString() {
    return hostname + "/" + ip;
  }
}
