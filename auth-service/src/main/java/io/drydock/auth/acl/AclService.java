package io.drydock.auth.acl;

import io.drydock.auth.acl.persistence.AclRevisionStore;
import io.drydock.auth.acl.persistence.AclRevisionStore.StoredRevision;
import io.drydock.events.AclsChanged;
import io.drydock.events.Envelope;
import io.drydock.events.Topics;
import io.drydock.support.acl.AclDocument;
import io.drydock.support.acl.AclSnapshot;
import io.drydock.support.acl.LocalAuthorizer;
import io.drydock.support.outbox.Outbox;
import io.drydock.support.security.DrydockSecurityProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ACL document of the suite. Each change is validated with the shared parser (what Mesos would
 * refuse is refused, nothing is stored), stored as the next revision and published as
 * {@link AclsChanged} on {@link Topics#ACLS} through the outbox in the same transaction. At startup,
 * with no revision stored, {@code drydock.security.acls} (or Mesos's default, an empty permissive
 * document) becomes revision 1; the stored latest revision is installed in this service's authorizer.
 */
@Service
public class AclService {

  private final AclRevisionStore store;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final LocalAuthorizer authorizer;
  private final Clock clock;

  public AclService(AclRevisionStore store, Outbox outbox, TransactionTemplate transactions,
      LocalAuthorizer authorizer, Clock clock, DrydockSecurityProperties properties) {
    this.store = store;
    this.outbox = outbox;
    this.transactions = transactions;
    this.authorizer = authorizer;
    this.clock = clock;
    bootstrap(properties);
  }

  private void bootstrap(DrydockSecurityProperties properties) {
    AclDocument initial = properties.acls() == null ? AclDocument.PERMISSIVE : AclDocument.parse(read(properties));
    StoredRevision latest = transactions.execute(s -> {
      store.lock();
      return store.latest().orElseGet(() -> append(initial, "bootstrap"));
    });
    authorizer.update(new AclSnapshot(latest.revision(), AclDocument.parse(latest.document())));
  }

  /** The ACLs in force. */
  public StoredRevision current() {
    return store.latest().orElseThrow();
  }

  /**
   * Replaces the ACLs.
   *
   * @param expectedRevision if not {@code null}, the change applies only if this is still the current
   *     revision (optimistic concurrency)
   * @throws io.drydock.support.acl.InvalidAclsException for a document Mesos would refuse
   * @throws StaleRevisionException when {@code expectedRevision} is no longer current
   */
  public StoredRevision replace(String json, String changedBy, Long expectedRevision) {
    AclDocument document = AclDocument.parse(json);
    return transactions.execute(s -> {
      store.lock();
      long current = store.latest().map(StoredRevision::revision).orElse(0L);
      if (expectedRevision != null && expectedRevision != current) {
        throw new StaleRevisionException(current);
      }
      return append(document, changedBy);
    });
  }

  private StoredRevision append(AclDocument document, String changedBy) {
    long revision = store.latest().map(StoredRevision::revision).orElse(0L) + 1;
    var now = clock.instant();
    store.insert(revision, document.json(), changedBy, now);
    outbox.append(Topics.ACLS, Envelope.of(new AclsChanged(revision, document.json()), now));
    AclSnapshot snapshot = new AclSnapshot(revision, document);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        authorizer.update(snapshot);
      }
    });
    return new StoredRevision(revision, document.json(), changedBy, now);
  }

  private static String read(DrydockSecurityProperties properties) {
    try {
      return properties.acls().getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read ACLs from " + properties.acls().getDescription(), e);
    }
  }

  /** The caller's expected revision is no longer current. */
  public static class StaleRevisionException extends RuntimeException {
    private final long current;

    public StaleRevisionException(long current) {
      super("The ACLs changed meanwhile; current revision is " + current);
      this.current = current;
    }

    public long current() {
      return current;
    }
  }
}
