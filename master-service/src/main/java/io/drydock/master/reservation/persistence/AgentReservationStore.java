package io.drydock.master.reservation.persistence;

import io.drydock.allocator.resources.Resources;
import io.drydock.master.operation.ResourceCodec;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Each agent's dynamically reserved resources and persistent volumes. */
@Component
public class AgentReservationStore {

  private final AgentReservationRepository repository;

  AgentReservationStore(AgentReservationRepository repository) {
    this.repository = repository;
  }

  /** Replaces the agent's dynamic resources (an empty bag deletes the row). */
  public void save(String agentId, Resources dynamic, Instant at) {
    if (dynamic.isEmpty()) {
      repository.deleteById(agentId);
      return;
    }
    AgentReservationEntity e = repository.findById(agentId).orElseGet(AgentReservationEntity::new);
    e.agentId = agentId;
    e.resources = ResourceCodec.toJson(dynamic);
    e.updatedAt = at;
    repository.save(e);
  }

  public Optional<Resources> find(String agentId) {
    return repository.findById(agentId).map(e -> ResourceCodec.parseArray(e.resources));
  }
}
