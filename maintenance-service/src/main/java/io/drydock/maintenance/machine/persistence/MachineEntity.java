package io.drydock.maintenance.machine.persistence;

import io.drydock.events.MachineMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "machine")
class MachineEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "machine_key", nullable = false)
  String machineKey;

  String hostname;

  String ip;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  MachineMode mode;

  @Column(name = "start_nanos", nullable = false)
  long startNanos;

  @Column(name = "duration_nanos")
  Long durationNanos;

  @Column(name = "window_index", nullable = false)
  int windowIndex;

  @Column(name = "machine_index", nullable = false)
  int machineIndex;

  @Column(name = "unavailability_applied_at", nullable = false)
  Instant unavailabilityAppliedAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected MachineEntity() {}

  MachineEntity(String machineKey, String hostname, String ip) {
    this.machineKey = machineKey;
    this.hostname = hostname;
    this.ip = ip;
  }
}
