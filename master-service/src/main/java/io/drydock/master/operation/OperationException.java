package io.drydock.master.operation;

/**
 * An operator call refused with a Mesos status and plain-text body (400 invalid, 403 not authorized with an
 * empty body, 409 conflict ...). Endpoints render it as is.
 */
public class OperationException extends RuntimeException {

  private final int status;

  public OperationException(int status, String message) {
    super(message == null ? "" : message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static OperationException badRequest(String message) {
    return new OperationException(400, message);
  }

  /** 403 with an empty body, as Mesos's operator endpoints answer a denied action. */
  public static OperationException forbidden() {
    return new OperationException(403, "");
  }

  public static OperationException conflict(String message) {
    return new OperationException(409, message);
  }
}
