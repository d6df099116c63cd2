package io.drydock.master.quota.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "role_quota")
class QuotaEntity {

  @Id
  @Column(name = "role")
  String role;

  /** JSON object name → quantity. */
  @Column(name = "guarantees", nullable = false)
  String guarantees;

  @Column(name = "limits", nullable = false)
  String limits;

  @Column(name = "principal")
  String principal;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;
}
