package io.drydock.agent;

/** The agent's configuration (resources, attributes, identity) is unusable; the agent does not start. */
public class InvalidAgentConfigurationException extends IllegalArgumentException {

  private final String property;

  public InvalidAgentConfigurationException(String property, String message) {
    super("Invalid " + property + ": " + message);
    this.property = property;
  }

  /** The property at fault, e.g. {@code drydock.agent.resources}. */
  public String property() {
    return property;
  }
}
