package io.drydock.allocator.state;

/** (framework, role) on an agent; identity semantics of the mutable states (internal). */
public record AllocationKey(FrameworkState framework, RoleState role) {
}
