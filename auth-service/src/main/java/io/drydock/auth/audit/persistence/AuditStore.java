package io.drydock.auth.audit.persistence;

import io.drydock.support.security.AuditRecord;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code audit_record} table. Records are idempotent by id. */
@Repository
public class AuditStore {

  private final JdbcTemplate jdbc;

  public AuditStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(AuditRecord r) {
    jdbc.update("""
        INSERT INTO audit_record (id, at, service, principal, method, path, status, decision)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
        r.id(), Timestamp.from(r.at()), r.service(), r.principal(), r.method(), r.path(), r.status(), r.decision());
  }

  /** The newest records, optionally of one principal. */
  public List<AuditRecord> newest(String principal, int limit) {
    List<Object> args = new ArrayList<>();
    String where = "";
    if (principal != null) {
      where = " WHERE principal = ?";
      args.add(principal);
    }
    args.add(limit);
    return jdbc.query("SELECT id, at, service, principal, method, path, status, decision FROM audit_record"
            + where + " ORDER BY at DESC LIMIT ?",
        (rs, i) -> new AuditRecord(rs.getObject(1, java.util.UUID.class), rs.getTimestamp(2).toInstant(),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)),
        args.toArray());
  }
}
