package io.drydock.master.quota.persistence;

import org.springframework.data.jpa.repository.JpaRepository;

interface QuotaRepository extends JpaRepository<QuotaEntity, String> {}
