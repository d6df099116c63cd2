package io.drydock.master.allocation;

import io.drydock.allocator.resources.Resources;

/**
 * The outcome of one task of an ACCEPT: launched on an agent in a role with resources taken from the
 * offers, or refused with a Mesos reason and message.
 *
 * @param error the refusal message, or null when launched
 * @param reason the Mesos reason of a refusal ({@code REASON_INVALID_OFFERS}, {@code REASON_TASK_INVALID})
 */
public record TaskAssignment(String taskId, String agentId, String role, Resources resources, String reason,
    String error) {

  public boolean launched() {
    return error == null;
  }

  static TaskAssignment refused(String taskId, String agentId, String reason, String error) {
    return new TaskAssignment(taskId, agentId, null, Resources.EMPTY, reason, error);
  }
}
