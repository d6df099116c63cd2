package io.drydock.support.acl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated Mesos ACL document (spec §8): the {@code permissive} flag and, per action, its
 * ACLs in order (hierarchical role values already split as Mesos splits them). Immutable.
 *
 * <p>Evaluation (spec §8.3): the request's subject is {@code SOME[principal]} or {@code ANY} without a
 * principal; its object {@code SOME[object]} or {@code ANY} without one, and always {@code ANY} for
 * actions whose objects may only be ANY/NONE. The first ACL that matches decides; when none matches,
 * {@code permissive} does.
 */
public final class AclDocument {

  /** Mesos's default: no ACLs, permissive. */
  public static final AclDocument PERMISSIVE = new AclDocument(true, Map.of(), "{}");

  private final boolean permissive;
  private final Map<AclAction, List<Acl>> acls;
  private final String json;

  AclDocument(boolean permissive, Map<AclAction, List<Acl>> acls, String json) {
    this.permissive = permissive;
    EnumMap<AclAction, List<Acl>> copy = new EnumMap<>(AclAction.class);
    acls.forEach((action, list) -> copy.put(action, List.copyOf(list)));
    this.acls = copy;
    this.json = json;
  }

  /**
   * Parses and validates a Mesos ACL JSON document.
   *
   * @throws InvalidAclsException with a message fit for a 400 response, or for refusing to start
   */
  public static AclDocument parse(String json) {
    return AclParser.parse(json);
  }

  public boolean permissive() {
    return permissive;
  }

  /** The ACLs of an action, in evaluation order (empty when the document has none). */
  public List<Acl> acls(AclAction action) {
    return acls.getOrDefault(action, List.of());
  }

  /** The document as it was given (normalized JSON text), the form stored and published. */
  public String json() {
    return json;
  }

  /** Whether the principal ({@code null}: none) may perform the action on the object ({@code null}: ANY). */
  public boolean isAllowed(String principal, AclAction action, String object) {
    AclEntity subject = AclEntity.ofRequest(principal);
    AclEntity target = action.anyOrNoneOnly() ? AclEntity.ANY : AclEntity.ofRequest(object);
    for (Acl acl : acls(action)) {
      if (acl.matches(subject, target)) {
        return acl.allows(subject, target);
      }
    }
    return permissive;
  }

  /**
   * Whether every object is allowed, each evaluated on its own (Mesos's rule for a framework's roles);
   * with no objects, {@code permissive} decides.
   */
  public boolean isAllowedForAll(String principal, AclAction action, Collection<String> objects) {
    if (objects.isEmpty()) {
      return permissive;
    }
    return new ArrayList<>(objects).stream().allMatch(object -> isAllowed(principal, action, object));
  }
}
