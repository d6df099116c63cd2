package io.drydock.master.weight.persistence;

import org.springframework.data.jpa.repository.JpaRepository;

interface WeightRepository extends JpaRepository<WeightEntity, String> {}
