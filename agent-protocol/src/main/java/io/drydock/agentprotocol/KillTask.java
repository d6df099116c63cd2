package io.drydock.agentprotocol;

/**
 * The master asks the agent to kill a task: SIGTERM, then SIGKILL after the grace period.
 *
 * @param gracePeriodSeconds the grace period, or {@code null} for the agent's default
 */
public record KillTask(String frameworkId, String taskId, Double gracePeriodSeconds) {}
