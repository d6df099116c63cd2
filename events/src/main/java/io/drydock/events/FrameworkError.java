package io.drydock.events;

/** The master refuses or ends a framework's subscription (Mesos's ERROR event). */
public record FrameworkError(String frameworkId, String message) implements DrydockEvent {

  @Override
  public String partitionKey() {
    return frameworkId;
  }
}
