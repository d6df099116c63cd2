package io.drydock.maintenance.machine.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "known_machine")
class KnownMachineEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "machine_key", nullable = false)
  String machineKey;

  String hostname;

  String ip;

  @Column(name = "first_seen_at", nullable = false)
  Instant firstSeenAt;

  protected KnownMachineEntity() {}
}
