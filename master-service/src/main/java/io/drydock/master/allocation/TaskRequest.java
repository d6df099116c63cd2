package io.drydock.master.allocation;

import io.drydock.allocator.resources.Resources;

/** A task a framework wants to launch from offers, as the allocation actor checks it. */
public record TaskRequest(String taskId, String agentId, Resources resources) {}
