package io.drydock.master.agent.persistence;

import io.drydock.master.agent.AgentInfo;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Agents in the registry. */
@Repository
public class AgentStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;

  AgentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void save(AgentInfo a) {
    jdbc.update("""
        INSERT INTO agent (id, hostname, ip, endpoint, resources, attributes, registered_at, removed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
        ON CONFLICT (id) DO UPDATE SET hostname = EXCLUDED.hostname, ip = EXCLUDED.ip,
          endpoint = EXCLUDED.endpoint, resources = EXCLUDED.resources, attributes = EXCLUDED.attributes,
          removed_at = NULL
        """, a.id(), a.hostname(), a.ip(), a.endpoint(), a.resources(), JSON.writeValueAsString(a.attributes()),
        Timestamp.from(a.registeredAt()));
  }

  public void markRemoved(String id, Instant at) {
    jdbc.update("UPDATE agent SET removed_at = ? WHERE id = ?", Timestamp.from(at), id);
  }

  /** An agent in the registry and not removed. */
  public Optional<AgentInfo> findActive(String id) {
    return jdbc.query("SELECT * FROM agent WHERE id = ? AND removed_at IS NULL", (rs, i) -> new AgentInfo(
        rs.getString("id"), rs.getString("hostname"), rs.getString("ip"), rs.getString("endpoint"),
        rs.getString("resources"), attributes(rs.getString("attributes")),
        rs.getTimestamp("registered_at").toInstant()), id).stream().findFirst();
  }

  private static Map<String, String> attributes(String json) {
    return json == null ? Map.of() : JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
  }
}
