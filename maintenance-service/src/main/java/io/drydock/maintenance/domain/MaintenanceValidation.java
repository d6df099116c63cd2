package io.drydock.maintenance.domain;

import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.Unavailability;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mesos's {@code master::maintenance::validation} (spec §1.4): the checks, their order and their messages.
 * Every failure is an {@link InvalidMaintenanceException}.
 */
public final class MaintenanceValidation {

  private MaintenanceValidation() {}

  /**
   * A schedule against the current machine map: per window, non-empty machine list, then unavailability,
   * then each machine and its uniqueness across the schedule; finally no DOWN machine may be left out.
   */
  public static void schedule(Schedule schedule, Collection<MachineState> current) {
    Set<MachineId> seen = new HashSet<>();
    for (Window window : schedule.windows()) {
      if (window.machines().isEmpty()) {
        throw new InvalidMaintenanceException("List of machines in the maintenance window is empty");
      }
      unavailability(window.unavailability());
      for (MachineId id : window.machines()) {
        machine(id);
        if (!seen.add(id)) {
          throw new InvalidMaintenanceException(
              "Machine '" + StoutJson.machine(id) + "' appears more than once in the schedule");
        }
      }
    }
    for (MachineState state : current) {
      if (state.mode() == MachineMode.DOWN && !seen.contains(state.id())) {
        throw new InvalidMaintenanceException("Machine '" + StoutJson.machine(state.id())
            + "' is deactivated and cannot be removed from the schedule");
      }
    }
  }

  /** The machine list of {@code /machine/down} and {@code /machine/up}. */
  public static void machines(List<MachineId> ids) {
    if (ids.isEmpty()) {
      throw new InvalidMaintenanceException("List of machines is empty");
    }
    Set<MachineId> seen = new HashSet<>();
    for (MachineId id : ids) {
      machine(id);
      if (!seen.add(id)) {
        // Mesos says "in the schedule" here too.
        throw new InvalidMaintenanceException(
            "Machine '" + StoutJson.machine(id) + "' appears more than once in the schedule");
      }
    }
  }

  /** At least one of hostname and ip; an ip, when non-empty, is dotted-quad IPv4. */
  public static void machine(MachineId id) {
    boolean noHostname = id.hostname() == null || id.hostname().isEmpty();
    boolean noIp = id.ip() == null || id.ip().isEmpty();
    if (noHostname && noIp) {
      throw new InvalidMaintenanceException("Both 'hostname' and 'ip' for a machine are empty");
    }
    if (!noIp && !isIpv4(id.ip())) {
      throw new InvalidMaintenanceException("Failed to parse IPv4: " + id.ip());
    }
    // Not a Mesos rule: PostgreSQL text cannot hold NUL, so such ids are refused rather than failing later.
    if ((id.hostname() != null && id.hostname().indexOf('\u0000') >= 0)
        || (id.ip() != null && id.ip().indexOf('\u0000') >= 0)) {
      throw new InvalidMaintenanceException(
          "Machine '" + StoutJson.machine(id) + "' contains a NUL character");
    }
  }

  /** Only a negative duration is refused; the start time is not checked (Mesos accepts past starts). */
  public static void unavailability(Unavailability unavailability) {
    if (unavailability.durationNanos() != null && unavailability.durationNanos() < 0) {
      throw new InvalidMaintenanceException("Unavailability 'duration' is negative");
    }
  }

  /**
   * {@code inet_pton(AF_INET)}: exactly four decimal octets, each 0-255 without leading zeros, nothing
   * else.
   */
  public static boolean isIpv4(String text) {
    int octets = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits > 0 && value == 0) {
          return false;
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        digits++;
        if (value > 255) {
          return false;
        }
      } else if (c == '.') {
        if (digits == 0 || ++octets > 3) {
          return false;
        }
        value = -1;
        digits = 0;
      } else {
        return false;
      }
    }
    return digits > 0 && octets == 3;
  }
}
