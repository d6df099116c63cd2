package io.drydock.master.weight.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "role_weight")
class WeightEntity {

  @Id
  @Column(name = "role")
  String role;

  @Column(name = "weight", nullable = false)
  double weight;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Column(name = "updated_by")
  String updatedBy;
}
