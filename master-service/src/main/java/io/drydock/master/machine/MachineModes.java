package io.drydock.master.machine;

import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.Unavailability;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest mode and unavailability of every machine in maintenance (machines not listed are UP).
 * Keys compare as Mesos machine ids do: hostname case-insensitive, IP exact.
 */
@Component
public class MachineModes {

  private final Map<MachineId, MachineState> machines = new ConcurrentHashMap<>();

  /** A machine's mode and unavailability (null when UP without a schedule). */
  public record MachineState(MachineMode mode, Unavailability unavailability) {}

  public void update(MachineId machine, MachineMode mode, Unavailability unavailability) {
    if (mode == MachineMode.UP && unavailability == null) {
      machines.remove(machine);
    } else {
      machines.put(machine, new MachineState(mode, unavailability));
    }
  }

  public MachineState stateOf(MachineId machine) {
    return machines.getOrDefault(machine, new MachineState(MachineMode.UP, null));
  }

  /** Every machine that is DRAINING, DOWN or UP with an unavailability (a snapshot, for read endpoints). */
  public Map<MachineId, MachineState> all() {
    return Map.copyOf(machines);
  }

  public boolean isDown(MachineId machine) {
    return stateOf(machine).mode() == MachineMode.DOWN;
  }
}
