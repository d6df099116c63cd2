package io.drydock.sdk;

/** The master refused a call (4xx): retrying the same call will not help. */
public class MasterCallException extends RuntimeException {

  private final int status;

  public MasterCallException(int status, String message) {
    super("Master answered " + status + ": " + message);
    this.status = status;
  }

  /** The HTTP status the master answered. */
  public int status() {
    return status;
  }
}
