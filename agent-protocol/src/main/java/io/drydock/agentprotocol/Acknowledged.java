package io.drydock.agentprotocol;

import java.util.List;

/** The master recorded these updates (by {@code statusUuid}); the agent stops retrying them. */
public record Acknowledged(List<String> statusUuids) {}
