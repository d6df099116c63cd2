package io.drydock.master.reservation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "agent_reservation")
class AgentReservationEntity {

  @Id
  @Column(name = "agent_id")
  String agentId;

  /** JSON array of Mesos Resource objects. */
  @Column(name = "resources", nullable = false)
  String resources;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;
}
