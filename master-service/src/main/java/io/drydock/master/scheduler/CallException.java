package io.drydock.master.scheduler;

/** A call the master refuses: an HTTP status and Mesos's plain-text message. */
public class CallException extends RuntimeException {

  private final int status;

  public CallException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static CallException badRequest(String message) {
    return new CallException(400, message);
  }

  /** JSON that does not map onto a {@code scheduler::Call}. */
  static CallException conversion(String message) {
    return badRequest("Failed to convert JSON into Call protobuf: " + message);
  }

  /** A call that fails {@code validation::scheduler::call::validate}. */
  static CallException validation(String message) {
    return badRequest("Failed to validate scheduler::Call: " + message);
  }
}
