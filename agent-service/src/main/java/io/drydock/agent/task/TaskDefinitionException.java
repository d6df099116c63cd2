package io.drydock.agent.task;

/** A launch the agent refuses (400): the message says which task and why. */
public class TaskDefinitionException extends IllegalArgumentException {

  public TaskDefinitionException(String message) {
    super(message);
  }
}
