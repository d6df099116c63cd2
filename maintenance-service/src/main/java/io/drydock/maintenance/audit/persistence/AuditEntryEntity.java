package io.drydock.maintenance.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "audit_entry")
class AuditEntryEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "occurred_at", nullable = false)
  Instant occurredAt;

  String principal;

  String reason;

  @Column(nullable = false, length = 64)
  String action;

  @Column(name = "schedule_revision", nullable = false)
  long scheduleRevision;

  @Column(nullable = false)
  String changes;

  protected AuditEntryEntity() {}
}
