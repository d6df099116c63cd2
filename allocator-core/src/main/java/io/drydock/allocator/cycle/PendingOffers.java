package io.drydock.allocator.cycle;

import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.FrameworkState;
import io.drydock.allocator.state.RoleState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Offers being assembled during a run with offer slices: everything one framework gets in one role on
 * one agent (its slices, and its stage-1 offer) becomes ONE offer when the run ends. The resources are
 * already allocated (taken from the agent's free) when added; only the offer record is deferred.
 */
final class PendingOffers {

    /** Receives one merged offer. */
    @FunctionalInterface
    interface Sink {
        void offer(AgentState agent, FrameworkState framework, RoleState role, Resources resources);
    }

    /** Identity of agent, framework and role (none of them overrides equals). */
    private record Key(AgentState agent, FrameworkState framework, RoleState role) {
    }

    private final Map<Key, Resources> pending = new LinkedHashMap<>();

    void add(AgentState agent, FrameworkState framework, RoleState role, Resources resources) {
        pending.merge(new Key(agent, framework, role), resources, Resources::plus);
    }

    /** Hands out the merged offers in the order of their first part, and forgets them. */
    void flush(Sink sink) {
        pending.forEach((k, r) -> sink.offer(k.agent(), k.framework(), k.role(), r));
        pending.clear();
    }
}
