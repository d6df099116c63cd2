package io.drydock.master.operation.persistence;

import io.drydock.master.operation.OperatorChange;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Operator changes in the registry, mapped to {@link OperatorChange} records at this edge. */
@Component
public class OperatorChangeStore {

  private final OperatorChangeRepository repository;

  OperatorChangeStore(OperatorChangeRepository repository) {
    this.repository = repository;
  }

  public void append(OperatorChange change) {
    OperatorChangeEntity e = new OperatorChangeEntity();
    e.at = change.at();
    e.principal = change.principal();
    e.action = change.action();
    e.object = change.object();
    e.detail = change.detail();
    repository.save(e);
  }

  public List<OperatorChange> latest(int limit) {
    return repository.findAllByOrderByIdDesc(PageRequest.of(0, limit)).stream()
        .map(e -> new OperatorChange(e.id, e.at, e.principal, e.action, e.object, e.detail)).toList();
  }
}
