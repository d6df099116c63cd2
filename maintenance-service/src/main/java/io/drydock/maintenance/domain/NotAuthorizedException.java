package io.drydock.maintenance.domain;

/** The principal may not perform the maintenance action (answered with 403 and an empty body). */
public class NotAuthorizedException extends RuntimeException {

  public NotAuthorizedException(String message) {
    super(message, null, false, false);
  }
}
