package io.drydock.agentprotocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A task the agent runs, reported on re-registration.
 *
 * @param resources the task's resources as a Mesos resources string
 * @param state the task's latest state name (e.g. {@code TASK_RUNNING})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskReport(String frameworkId, String taskId, String resources, String state) {}
