package io.drydock.agentprotocol;

/**
 * The master refused the registration, e.g. because the machine is DOWN ({@code "Machine is `DOWN`"});
 * the agent shuts its tasks down and keeps retrying.
 *
 * @param shutdown whether the agent must kill its tasks (as Mesos's ShutdownMessage)
 */
public record Refused(String message, boolean shutdown) {}
