package io.drydock.maintenance.machine.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "schedule_state")
class ScheduleStateEntity {

  @Id
  short id;

  @Column(nullable = false)
  long revision;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Column(name = "updated_by")
  String updatedBy;

  protected ScheduleStateEntity() {}
}
