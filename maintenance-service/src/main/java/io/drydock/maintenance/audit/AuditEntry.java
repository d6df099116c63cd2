package io.drydock.maintenance.audit;

import io.drydock.maintenance.domain.MachineChange;
import java.time.Instant;
import java.util.List;

/**
 * One operator change.
 *
 * @param id increasing with commit order of the entry's insertion
 * @param action the v1 call it was: {@code UPDATE_MAINTENANCE_SCHEDULE}, {@code START_MAINTENANCE} or
 *     {@code STOP_MAINTENANCE}
 * @param principal who made it, {@code null} when authentication is off
 * @param reason the operator's reason, if given
 * @param changes the machines whose mode or unavailability the change (re)applied
 */
public record AuditEntry(long id, Instant occurredAt, String action, String principal, String reason,
    long scheduleRevision, List<MachineChange> changes) {

  public AuditEntry {
    changes = List.copyOf(changes);
  }
}
