package io.drydock.master.task;

import io.drydock.events.TaskState;
import java.time.Instant;

/**
 * A task the master knows.
 *
 * @param role the role whose offer it was launched from (its resources return to that role)
 * @param resources its resources as a Mesos resources string
 * @param statusUuid the uuid of its latest status update, or null
 */
public record Task(String frameworkId, String taskId, String agentId, String name, String role, String resources,
    TaskState state, String reason, String message, String statusUuid, Instant updatedAt) {

  public Task with(TaskState newState, String newReason, String newMessage, String uuid, Instant at) {
    return new Task(frameworkId, taskId, agentId, name, role, resources, newState, newReason, newMessage, uuid, at);
  }
}
