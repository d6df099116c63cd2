package io.drydock.support.acl;

/**
 * Decides whether a principal may perform an action on an object, with Mesos's local-authorizer rules
 * (spec §8.3): ACLs of the action scanned in order, the first that matches decides, otherwise the
 * document's {@code permissive} flag.
 */
public interface Authorizer {

  /**
   * Whether the request is allowed.
   *
   * @param principal the authenticated principal, or {@code null} when the request carries none
   *     (authentication switched off): the subject is then ANY
   * @param action the action
   * @param object the action's object (a role, a user, a principal ...), or {@code null} for ANY
   * @throws AclsUnavailableException when this service has no ACL snapshot yet and cannot decide
   */
  boolean isAllowed(String principal, AclAction action, String object);

  /**
   * Whether every object is allowed, each evaluated separately (Mesos's rule for the roles a framework
   * subscribes with); with no objects the document's {@code permissive} flag decides.
   *
   * @throws AclsUnavailableException when this service has no ACL snapshot yet
   */
  boolean isAllowedForAll(String principal, AclAction action, java.util.Collection<String> objects);

  /** Whether this service has ACLs to decide with; protected calls are refused until it has. */
  boolean hasSnapshot();

  /** This service cannot decide yet: it has not received the ACLs. Protected calls are refused. */
  class AclsUnavailableException extends RuntimeException {
    public AclsUnavailableException(String message) {
      super(message);
    }
  }
}
