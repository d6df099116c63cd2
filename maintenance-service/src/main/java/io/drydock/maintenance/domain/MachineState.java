package io.drydock.maintenance.domain;

import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.Unavailability;
import java.util.Objects;

/**
 * A machine of the master's machine map: a scheduled machine (DRAINING or DOWN, with the unavailability of
 * its window) or a machine known from a registered agent (UP, no unavailability).
 */
public record MachineState(MachineId id, MachineMode mode, Unavailability unavailability) {

  public MachineState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(mode, "mode");
  }
}
