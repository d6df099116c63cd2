package io.drydock.agentprotocol;

import java.util.List;

/** A batch of status updates from one agent. */
public record StatusUpdates(String agentId, List<StatusUpdate> updates) {}
