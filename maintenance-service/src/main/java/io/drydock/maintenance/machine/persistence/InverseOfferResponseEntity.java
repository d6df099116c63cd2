package io.drydock.maintenance.machine.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "inverse_offer_response")
class InverseOfferResponseEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "machine_id", nullable = false)
  long machineId;

  @Column(name = "framework_id", nullable = false)
  String frameworkId;

  @Column(name = "agent_id", nullable = false)
  String agentId;

  @Column(nullable = false, length = 16)
  String response;

  @Column(name = "responded_at_nanos", nullable = false)
  long respondedAtNanos;

  @Column(name = "event_id", nullable = false)
  UUID eventId;

  protected InverseOfferResponseEntity() {}
}
