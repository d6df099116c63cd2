package io.drydock.maintenance.audit;

import io.drydock.maintenance.audit.persistence.AuditStore;
import io.drydock.maintenance.domain.MachineChange;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Records changes inside the transaction that makes them, and lists them newest first. */
@Service
public class AuditTrail {

  private final AuditStore store;

  AuditTrail(AuditStore store) {
    this.store = store;
  }

  /** Records a change; call inside the change's transaction so both commit or neither does. */
  public void record(Instant occurredAt, String action, String principal, String reason, long revision,
      List<MachineChange> changes) {
    store.append(occurredAt, action, principal, reason, revision, changes);
  }

  /** The newest entries first, at most {@code limit}, older than {@code beforeId} when given. */
  public List<AuditEntry> recent(int limit, Long beforeId) {
    return store.recent(limit, beforeId);
  }
}
