package io.drydock.sdk.maintenance;

/**
 * What the {@link MaintenancePolicy} asks the framework to do. {@link MaintenanceActions#execute} performs
 * every kind on a driver except {@link StartReplacement}, which needs the framework's own launch logic
 * (see {@link MaintenancePolicy#pendingReplacements()}).
 */
public sealed interface MaintenanceAction {

  /** The framework will be off the agent in time: answer ACCEPT_INVERSE_OFFERS. */
  record AcceptInverseOffer(String inverseOfferId, String agentId) implements MaintenanceAction {}

  /**
   * The framework cannot leave the agent before its unavailability starts: answer
   * DECLINE_INVERSE_OFFERS; {@code reason} says why (Mesos has no field for it, so it is logged and
   * reported to the framework).
   */
  record DeclineInverseOffer(String inverseOfferId, String agentId, String reason) implements MaintenanceAction {}

  /** Start a copy of {@code taskId} on another agent, one whose unavailability does not get in the way. */
  record StartReplacement(String taskId, String agentId, TaskRuntime runtime) implements MaintenanceAction {}

  /** The replacement runs: kill the task it replaces. */
  record Kill(String taskId, String agentId) implements MaintenanceAction {}

  /** Offers are needed (replacements to place): clear offer filters with REVIVE. */
  record Revive() implements MaintenanceAction {}
}
