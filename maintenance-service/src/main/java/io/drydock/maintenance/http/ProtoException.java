package io.drydock.maintenance.http;

/** JSON that does not map onto the expected protobuf message; the message is stout's. */
public class ProtoException extends RuntimeException {

  public ProtoException(String message) {
    super(message, null, false, false);
  }
}
