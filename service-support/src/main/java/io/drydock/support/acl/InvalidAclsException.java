package io.drydock.support.acl;

/** An ACL document Mesos would refuse: malformed JSON, an unknown action, or a form it rejects. */
public class InvalidAclsException extends RuntimeException {

  public InvalidAclsException(String message) {
    super(message);
  }
}
