package io.drydock.maintenance.domain;

import io.drydock.events.MachineId;
import io.drydock.events.Unavailability;
import java.util.List;
import java.util.Objects;

/** A maintenance window: machines that are unavailable together. */
public record Window(List<MachineId> machines, Unavailability unavailability) {

  public Window {
    machines = List.copyOf(machines);
    Objects.requireNonNull(unavailability, "unavailability");
  }
}
