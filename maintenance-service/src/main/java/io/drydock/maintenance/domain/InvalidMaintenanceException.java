package io.drydock.maintenance.domain;

/** A request that breaks a maintenance rule; the message is Mesos's, word for word (answered with 400). */
public class InvalidMaintenanceException extends RuntimeException {

  public InvalidMaintenanceException(String message) {
    super(message, null, false, false);
  }
}
