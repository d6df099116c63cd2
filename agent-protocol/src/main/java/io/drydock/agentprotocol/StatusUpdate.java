package io.drydock.agentprotocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A task's new state, as seen by the agent.
 *
 * @param state a Mesos task state name ({@code TASK_RUNNING}, {@code TASK_FINISHED} ...)
 * @param reason a Mesos reason name, or {@code null}
 * @param statusUuid unique per update: the acknowledgement key
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusUpdate(
    String frameworkId, String taskId, String state, String reason, String message, String statusUuid,
    Instant timestamp) {}
