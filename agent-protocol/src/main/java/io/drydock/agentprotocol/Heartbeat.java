package io.drydock.agentprotocol;

/** The agent is alive. */
public record Heartbeat(String agentId) {}
