package io.drydock.maintenance.domain;

import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.Unavailability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mode transitions of Mesos's maintenance calls (spec §1.5, §1.6), computed from the current machine
 * map. Callers validate first ({@link MaintenanceValidation}); these methods then apply the mode rules
 * with their exact messages and return the changes to persist and announce.
 */
public final class MaintenancePlan {

  private MaintenancePlan() {}

  /**
   * Posting a schedule: machines still scheduled keep their mode and get the new unavailability
   * (re-applied even if unchanged), new or UP machines become DRAINING, scheduled machines left out become
   * UP. Changes come in schedule order, then removed machines in their previous order.
   *
   * @param current the machine map (scheduled machines and known UP machines), in schedule order
   */
  public static List<MachineChange> postSchedule(Schedule next, List<MachineState> current) {
    Map<MachineId, MachineState> byId = index(current);
    Map<MachineId, Unavailability> scheduled = new LinkedHashMap<>();
    for (Window window : next.windows()) {
      for (MachineId id : window.machines()) {
        scheduled.put(id, window.unavailability());
      }
    }
    List<MachineChange> changes = new ArrayList<>();
    scheduled.forEach((id, unavailability) -> {
      MachineState state = byId.get(id);
      MachineMode previous = state == null ? MachineMode.UP : state.mode();
      MachineMode mode = previous == MachineMode.UP ? MachineMode.DRAINING : previous;
      changes.add(new MachineChange(id, previous, mode, unavailability));
    });
    for (MachineState state : current) {
      if (state.mode() != MachineMode.UP && !scheduled.containsKey(state.id())) {
        changes.add(new MachineChange(state.id(), state.mode(), MachineMode.UP, null));
      }
    }
    return changes;
  }

  /** {@code /machine/down}: every machine must be in the map and DRAINING; each becomes DOWN. */
  public static List<MachineChange> down(List<MachineId> ids, List<MachineState> current) {
    Map<MachineId, MachineState> byId = index(current);
    List<MachineChange> changes = new ArrayList<>();
    for (MachineId id : ids) {
      MachineState state = known(byId, id);
      if (state.mode() != MachineMode.DRAINING) {
        throw new InvalidMaintenanceException(
            "Machine '" + StoutJson.machine(id) + "' is not in DRAINING mode and cannot be brought down");
      }
      changes.add(new MachineChange(state.id(), MachineMode.DRAINING, MachineMode.DOWN, state.unavailability()));
    }
    return changes;
  }

  /** {@code /machine/up}: every machine must be in the map and DOWN; each becomes UP and leaves the schedule. */
  public static List<MachineChange> up(List<MachineId> ids, List<MachineState> current) {
    Map<MachineId, MachineState> byId = index(current);
    List<MachineChange> changes = new ArrayList<>();
    for (MachineId id : ids) {
      MachineState state = known(byId, id);
      if (state.mode() != MachineMode.DOWN) {
        throw new InvalidMaintenanceException(
            "Machine '" + StoutJson.machine(id) + "' is not in DOWN mode and cannot be brought up");
      }
      changes.add(new MachineChange(state.id(), MachineMode.DOWN, MachineMode.UP, null));
    }
    return changes;
  }

  /** The schedule without the given machines; windows left empty are dropped. */
  public static Schedule without(Schedule schedule, List<MachineId> removed) {
    List<Window> windows = new ArrayList<>();
    for (Window window : schedule.windows()) {
      List<MachineId> kept = window.machines().stream().filter(id -> !removed.contains(id)).toList();
      if (!kept.isEmpty()) {
        windows.add(new Window(kept, window.unavailability()));
      }
    }
    return new Schedule(windows);
  }

  private static MachineState known(Map<MachineId, MachineState> byId, MachineId id) {
    MachineState state = byId.get(id);
    if (state == null) {
      throw new InvalidMaintenanceException(
          "Machine '" + StoutJson.machine(id) + "' is not part of a maintenance schedule");
    }
    return state;
  }

  private static Map<MachineId, MachineState> index(List<MachineState> current) {
    Map<MachineId, MachineState> byId = new LinkedHashMap<>();
    for (MachineState state : current) {
      byId.putIfAbsent(state.id(), state);
    }
    return byId;
  }
}
