package io.drydock.support.acl;

import java.util.Objects;

/**
 * One ACL of an action, after Mesos's splitting of hierarchical role values: either a plain ACL
 * ({@code principals} + {@code objects}) or a recursive one whose object is every strict descendant of
 * {@code recursivePrefix} ({@code "eng/%"} gives prefix {@code "eng/"}, which does not cover {@code eng}).
 *
 * @param principals the subjects
 * @param objects the objects; {@code ANY} for a recursive ACL
 * @param recursivePrefix the role prefix of a recursive ACL, including the trailing {@code /}; otherwise
 *     {@code null}
 */
public record Acl(AclEntity principals, AclEntity objects, String recursivePrefix) {

  public Acl {
    Objects.requireNonNull(principals, "principals");
    Objects.requireNonNull(objects, "objects");
  }

  /** A plain (non-recursive) ACL. */
  public static Acl of(AclEntity principals, AclEntity objects) {
    return new Acl(principals, objects, null);
  }

  /**
   * Whether this ACL decides the request, i.e. it is the first match (spec §8.3). For a recursive ACL
   * the object matches when every requested role is a strict descendant of the prefix.
   */
  boolean matches(AclEntity subject, AclEntity object) {
    if (!principals.matches(subject)) {
      return false;
    }
    if (recursivePrefix == null) {
      return objects.matches(object);
    }
    return object.type() == AclEntity.Type.SOME && !object.values().isEmpty()
        && object.values().stream().allMatch(role -> role.startsWith(recursivePrefix)
            && role.length() > recursivePrefix.length());
  }

  /** The decision of a matching ACL. A recursive ACL compares the object as if its own were ANY. */
  boolean allows(AclEntity subject, AclEntity object) {
    AclEntity own = recursivePrefix == null ? objects : AclEntity.ANY;
    return principals.allows(subject) && own.allows(object);
  }
}
