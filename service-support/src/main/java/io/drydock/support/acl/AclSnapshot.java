package io.drydock.support.acl;

import java.util.Objects;

/**
 * The ACLs a service evaluates: a document and its revision. Revision 0 is a local file
 * ({@code drydock.security.acls}); auth-service publishes revisions from 1 up.
 *
 * @param revision increases with every change
 * @param document the parsed ACLs
 */
public record AclSnapshot(long revision, AclDocument document) {

  public AclSnapshot {
    Objects.requireNonNull(document, "document");
  }
}
