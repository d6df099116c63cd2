package io.drydock.master.weight.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Stored weights (an upsert per role; Mesos never deletes a weight). */
@Component
public class WeightStore {

  private final WeightRepository repository;

  WeightStore(WeightRepository repository) {
    this.repository = repository;
  }

  public void save(String role, double weight, String principal, Instant at) {
    WeightEntity e = repository.findById(role).orElseGet(WeightEntity::new);
    e.role = role;
    e.weight = weight;
    e.updatedAt = at;
    e.updatedBy = principal;
    repository.save(e);
  }

  /** Every stored weight, by role. */
  public Map<String, Double> all() {
    Map<String, Double> out = new TreeMap<>();
    repository.findAll().forEach(e -> out.put(e.role, e.weight));
    return out;
  }
}
