package io.drydock.agentprotocol;

/**
 * The master accepted the agent.
 *
 * @param agentId the agent's id, kept by the agent across restarts
 * @param heartbeatIntervalSeconds how often the agent must send a heartbeat; after several missed
 *     heartbeats the master marks it unreachable
 */
public record Registered(String agentId, double heartbeatIntervalSeconds) {}
