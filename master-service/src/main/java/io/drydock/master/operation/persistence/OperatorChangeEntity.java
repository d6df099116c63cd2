package io.drydock.master.operation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "operator_change")
class OperatorChangeEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "at", nullable = false)
  Instant at;

  @Column(name = "principal")
  String principal;

  @Column(name = "action", nullable = false)
  String action;

  @Column(name = "object")
  String object;

  @Column(name = "detail", nullable = false)
  String detail;
}
