package io.drydock.master.agent;

/**
 * Decides whether an agent may register at all, before anything is stored (e.g. its static reservations
 * must be authorized for its principal; implemented by the reservation feature).
 */
@FunctionalInterface
public interface RegistrationGate {

  /**
   * @param principal the agent's authenticated principal, null when authentication is off
   * @param resources the agent's resources string as it registers with
   * @return why the agent may not register, or null
   */
  String refusal(String principal, String resources);
}
