package io.drydock.agentprotocol;

/** The master shuts the agent down (e.g. {@code Operator initiated 'Machine DOWN'}): kill every task. */
public record Shutdown(String message) {}
