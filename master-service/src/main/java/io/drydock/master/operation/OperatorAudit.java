package io.drydock.master.operation;

import io.drydock.master.operation.persistence.OperatorChangeStore;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The audit trail of operator changes (weights, quota, reservations, volumes). Call {@link #record} inside
 * the transaction that makes the change, so a change and its audit entry commit together.
 */
@Component
public class OperatorAudit {

  private final OperatorChangeStore store;
  private final Clock clock;

  OperatorAudit(OperatorChangeStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void record(String principal, String action, String object, String detail) {
    store.append(new OperatorChange(0, clock.instant(), principal, action, object, detail));
  }

  /** The latest changes, newest first. */
  public List<OperatorChange> latest(int limit) {
    return store.latest(limit);
  }
}
