package io.drydock.maintenance.audit.persistence;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntryEntity, Long> {

  List<AuditEntryEntity> findAllByOrderByIdDesc(Pageable page);

  List<AuditEntryEntity> findByIdLessThanOrderByIdDesc(long beforeId, Pageable page);
}
