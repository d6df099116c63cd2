package io.drydock.support.acl;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link Authorizer} implementation: evaluates the latest {@link AclSnapshot} in memory. Snapshots
 * only move forward (a lower or equal revision is ignored), so a redelivered or reordered record never
 * rolls the ACLs back. Thread-safe.
 */
public class LocalAuthorizer implements Authorizer {

  private static final Logger log = LoggerFactory.getLogger(LocalAuthorizer.class);

  private final AtomicReference<AclSnapshot> current = new AtomicReference<>();

  /** Starts without ACLs: every decision throws {@link AclsUnavailableException} until {@link #update}. */
  public LocalAuthorizer() {}

  /** Starts with an initial snapshot, e.g. from a local file. */
  public LocalAuthorizer(AclSnapshot initial) {
    current.set(initial);
  }

  /**
   * Installs a snapshot if it is newer than the current one.
   *
   * @return whether it was installed
   */
  public boolean update(AclSnapshot snapshot) {
    AclSnapshot previous = current.getAndUpdate(old -> old == null || snapshot.revision() > old.revision() ? snapshot : old);
    boolean installed = previous == null || snapshot.revision() > previous.revision();
    if (installed) {
      log.info("ACLs revision {} installed (permissive={})", snapshot.revision(), snapshot.document().permissive());
    }
    return installed;
  }

  /** The snapshot in force, if any. */
  public Optional<AclSnapshot> snapshot() {
    return Optional.ofNullable(current.get());
  }

  @Override
  public boolean isAllowed(String principal, AclAction action, String object) {
    return document().isAllowed(principal, action, object);
  }

  @Override
  public boolean isAllowedForAll(String principal, AclAction action, Collection<String> objects) {
    return document().isAllowedForAll(principal, action, objects);
  }

  @Override
  public boolean hasSnapshot() {
    return current.get() != null;
  }

  private AclDocument document() {
    AclSnapshot snapshot = current.get();
    if (snapshot == null) {
      throw new AclsUnavailableException("This service has not received the ACLs yet; try again later");
    }
    return snapshot.document();
  }
}
