package io.drydock.master.allocation;

import io.drydock.allocator.resources.Resources;

/** Resources a framework's running tasks use on an agent, in a role (what a re-registering agent reports). */
public record TaskUsage(String frameworkId, String role, Resources resources) {}
