package io.drydock.auth.token.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code signing_key} table: the RSA key pair JWTs are signed with, PEM-less base64 (PKCS#8 / X.509). */
@Repository
public class SigningKeyStore {

  private final JdbcTemplate jdbc;

  public SigningKeyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored key pair. */
  public record StoredKey(String kid, String privateKey, String publicKey) {}

  /** Every key, newest first. */
  public List<StoredKey> all() {
    return jdbc.query("SELECT kid, private_key, public_key FROM signing_key ORDER BY created_at DESC, kid",
        (rs, i) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  /** Inserts a key unless another replica created the first one meanwhile (advisory-locked). */
  public void insertIfNone(StoredKey key, Instant now) {
    jdbc.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.signing_key'))");
    Integer count = jdbc.queryForObject("SELECT count(*) FROM signing_key", Integer.class);
    if (count != null && count == 0) {
      jdbc.update("INSERT INTO signing_key (kid, private_key, public_key, created_at) VALUES (?, ?, ?, ?)",
          key.kid(), key.privateKey(), key.publicKey(), Timestamp.from(now));
    }
  }
}
