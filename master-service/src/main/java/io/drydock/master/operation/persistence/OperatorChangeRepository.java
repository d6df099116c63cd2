package io.drydock.master.operation.persistence;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorChangeRepository extends JpaRepository<OperatorChangeEntity, Long> {

  List<OperatorChangeEntity> findAllByOrderByIdDesc(Pageable page);
}
