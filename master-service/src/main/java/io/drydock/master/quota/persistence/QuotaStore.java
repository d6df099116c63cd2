package io.drydock.master.quota.persistence;

import io.drydock.master.quota.QuotaConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored quota configs, mapped to {@link QuotaConfig} records at this edge. */
@Component
public class QuotaStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<TreeMap<String, Double>> MAP = new TypeReference<>() {};

  private final QuotaRepository repository;

  QuotaStore(QuotaRepository repository) {
    this.repository = repository;
  }

  public void save(QuotaConfig config, Instant at) {
    QuotaEntity e = repository.findById(config.role()).orElseGet(QuotaEntity::new);
    e.role = config.role();
    e.guarantees = JSON.writeValueAsString(config.guarantees());
    e.limits = JSON.writeValueAsString(config.limits());
    e.principal = config.principal();
    e.updatedAt = at;
    repository.save(e);
  }

  public void delete(String role) {
    repository.deleteById(role);
  }

  public List<QuotaConfig> all() {
    return repository.findAll().stream().map(e -> new QuotaConfig(e.role, read(e.guarantees), read(e.limits),
        e.principal)).toList();
  }

  private static Map<String, Double> read(String json) {
    return JSON.readValue(json, MAP);
  }
}
