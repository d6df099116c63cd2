package io.drydock.support.acl;

import java.util.List;
import java.util.Objects;

/**
 * A subject or object of an ACL, or of a request (Mesos's {@code ACL.Entity}): {@code SOME} with values,
 * {@code ANY} or {@code NONE}. Values are kept only for {@code SOME}.
 *
 * @param type the entity type
 * @param values the values; empty unless {@code type} is {@code SOME}
 */
public record AclEntity(Type type, List<String> values) {

  /** Mesos's entity types. */
  public enum Type { SOME, ANY, NONE }

  public static final AclEntity ANY = new AclEntity(Type.ANY, List.of());
  public static final AclEntity NONE = new AclEntity(Type.NONE, List.of());

  public AclEntity {
    Objects.requireNonNull(type, "type");
    values = type == Type.SOME ? List.copyOf(values) : List.of();
  }

  /** {@code SOME} with these values. */
  public static AclEntity some(List<String> values) {
    return new AclEntity(Type.SOME, values);
  }

  /** A request entity: {@code SOME[value]}, or {@code ANY} for {@code null}. */
  public static AclEntity ofRequest(String value) {
    return value == null ? ANY : some(List.of(value));
  }

  /**
   * Whether an ACL with this entity applies to a request entity (spec §8.3, "matches").
   *
   * @param request the request's entity
   */
  boolean matches(AclEntity request) {
    return switch (type) {
      case NONE -> true;
      case ANY -> request.type != Type.NONE;
      case SOME -> request.type == Type.SOME && values.containsAll(request.values);
    };
  }

  /** Whether an ACL with this entity allows a request entity (spec §8.3, "allows"). */
  boolean allows(AclEntity request) {
    return switch (type) {
      case NONE -> request.type == Type.NONE;
      case ANY -> request.type != Type.NONE;
      case SOME -> request.type == Type.SOME && values.containsAll(request.values);
    };
  }
}
