package io.drydock.master.reservation.persistence;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgentReservationRepository extends JpaRepository<AgentReservationEntity, String> {}
