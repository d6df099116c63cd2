package io.drydock.master.framework.persistence;

import io.drydock.master.framework.FrameworkInfo;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Frameworks in the registry (plain JDBC: a handful of columns, written on subscribe and removal only). */
@Repository
public class FrameworkStore {

  private final JdbcTemplate jdbc;

  FrameworkStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void save(FrameworkInfo f) {
    jdbc.update("""
        INSERT INTO framework (id, name, principal, user_name, roles, capabilities, failover_timeout_seconds,
                               maintenance_lookahead_millis, registered_at, removed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, principal = EXCLUDED.principal,
          user_name = EXCLUDED.user_name, roles = EXCLUDED.roles, capabilities = EXCLUDED.capabilities,
          failover_timeout_seconds = EXCLUDED.failover_timeout_seconds,
          maintenance_lookahead_millis = EXCLUDED.maintenance_lookahead_millis
        """, f.id(), f.name(), f.principal(), f.user(), join(f.roles()), join(f.capabilities()),
        f.failoverTimeoutSeconds(), f.maintenanceLookahead() == null ? null : f.maintenanceLookahead().toMillis(),
        Timestamp.from(f.registeredAt()));
  }

  public void markRemoved(String id, Instant at) {
    jdbc.update("UPDATE framework SET removed_at = ? WHERE id = ?", Timestamp.from(at), id);
  }

  public boolean isRemoved(String id) {
    return !jdbc.queryForList("SELECT id FROM framework WHERE id = ? AND removed_at IS NOT NULL", String.class, id)
        .isEmpty();
  }

  /** Frameworks not removed. */
  public List<FrameworkInfo> loadActive() {
    return jdbc.query("SELECT * FROM framework WHERE removed_at IS NULL", (rs, i) -> new FrameworkInfo(
        rs.getString("id"), rs.getString("name"), rs.getString("user_name"), rs.getString("principal"),
        split(rs.getString("roles")), Set.copyOf(split(rs.getString("capabilities"))),
        rs.getDouble("failover_timeout_seconds"), lookahead(rs.getObject("maintenance_lookahead_millis", Long.class)),
        rs.getTimestamp("registered_at").toInstant()));
  }

  private static Duration lookahead(Long millis) {
    return millis == null ? null : Duration.ofMillis(millis);
  }

  private static String join(java.util.Collection<String> values) {
    return values.stream().map(v -> v.replace("\\", "\\\\").replace("\n", "\\n")).collect(Collectors.joining("\n"));
  }

  private static List<String> split(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(text.split("\n", -1)).map(v -> v.replace("\\n", "\n").replace("\\\\", "\\")).toList();
  }
}
