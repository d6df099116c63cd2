package io.drydock.auth.acl.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code acl_revision} table: every ACL document ever in force, by revision. */
@Repository
public class AclRevisionStore {

  private final JdbcTemplate jdbc;

  public AclRevisionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored revision. */
  public record StoredRevision(long revision, String document, String changedBy, Instant changedAt) {}

  /** Serializes writers of the ACLs (replicas included) for the rest of the transaction. */
  public void lock() {
    jdbc.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.acl_revision'))");
  }

  public Optional<StoredRevision> latest() {
    return jdbc.query("SELECT revision, document, changed_by, changed_at FROM acl_revision "
            + "ORDER BY revision DESC LIMIT 1",
        (rs, i) -> new StoredRevision(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant())).stream().findFirst();
  }

  public void insert(long revision, String document, String changedBy, Instant at) {
    jdbc.update("INSERT INTO acl_revision (revision, document, changed_by, changed_at) VALUES (?, ?, ?, ?)",
        revision, document, changedBy, Timestamp.from(at));
  }
}
