package io.drydock.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A machine's maintenance mode or unavailability changed. Published on the compacted
 * {@link Topics#MACHINE_STATE} topic keyed by machine, so the latest event per machine is its state.
 *
 * @param previousMode the mode before the change
 * @param mode the mode after the change
 * @param unavailability the unavailability after the change, {@code null} when cleared
 * @param scheduleRevision the revision of the maintenance schedule that caused the change
 * @param principal who made the change, {@code null} when authentication is off
 * @param reason the operator's reason, if given
 * @param revisionChanges how many MachineStateChanged events the schedule revision produced in all (one per
 *     changed machine, each carrying the same {@code scheduleRevision}), so a consumer knows when it has the
 *     whole update; {@code null} from publishers that do not say (added in schema version 1, additive)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MachineStateChanged(
    MachineId machine,
    MachineMode previousMode,
    MachineMode mode,
    Unavailability unavailability,
    long scheduleRevision,
    String principal,
    String reason,
    Integer revisionChanges)
    implements DrydockEvent {

  /** A change whose publisher does not say how many changes its revision made. */
  public MachineStateChanged(MachineId machine, MachineMode previousMode, MachineMode mode,
      Unavailability unavailability, long scheduleRevision, String principal, String reason) {
    this(machine, previousMode, mode, unavailability, scheduleRevision, principal, reason, null);
  }

  @Override
  public String partitionKey() {
    return machine.key();
  }
}
