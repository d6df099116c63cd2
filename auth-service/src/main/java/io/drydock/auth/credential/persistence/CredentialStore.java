package io.drydock.auth.credential.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code credential} table. Holds hashes only. */
@Repository
public class CredentialStore {

  private final JdbcTemplate jdbc;

  public CredentialStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored principal, without its hash. */
  public record StoredPrincipal(String principal, Instant createdAt, Instant updatedAt) {}

  public Optional<String> hashOf(String principal) {
    return jdbc.query("SELECT secret_hash FROM credential WHERE principal = ?",
        (rs, i) -> rs.getString(1), principal).stream().findFirst();
  }

  public List<StoredPrincipal> list() {
    return jdbc.query("SELECT principal, created_at, updated_at FROM credential ORDER BY principal",
        (rs, i) -> new StoredPrincipal(rs.getString(1), rs.getTimestamp(2).toInstant(),
            rs.getTimestamp(3).toInstant()));
  }

  /** Inserts or replaces; {@code true} when the principal is new. */
  public boolean upsert(String principal, String hash, Instant now) {
    Boolean inserted = jdbc.queryForObject("""
        INSERT INTO credential (principal, secret_hash, created_at, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (principal) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, updated_at = EXCLUDED.updated_at
        RETURNING (xmax = 0)""", Boolean.class, principal, hash, Timestamp.from(now), Timestamp.from(now));
    return Boolean.TRUE.equals(inserted);
  }

  /** Inserts unless present; {@code true} when inserted. */
  public boolean insertIfAbsent(String principal, String hash, Instant now) {
    return jdbc.update("""
        INSERT INTO credential (principal, secret_hash, created_at, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (principal) DO NOTHING""", principal, hash, Timestamp.from(now), Timestamp.from(now)) == 1;
  }

  public boolean delete(String principal) {
    return jdbc.update("DELETE FROM credential WHERE principal = ?", principal) == 1;
  }
}
