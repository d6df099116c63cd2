package io.drydock.allocator.cycle;

import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.FrameworkState;
import io.drydock.allocator.state.RoleState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offers being assembled during a run with offer slices: everything one framework gets in one role on
 * one agent (its slices, and its stage-1 offer) becomes ONE offer when the run ends. The resources are
 * already allocated (taken from the agent's free) when added; only the offer record is deferred.
 * <p>Stage 2 adds the parts of one agent one after the other, so a part is merged by a short linear
 * search among the current agent's entries; whole slices are only counted (the sum is built once, at
 * the end). Stage-1 offers come in another agent order; when there were any, the flush merges by key.
 */
final class PendingOffers {

    /** Receives one merged offer. */
    @FunctionalInterface
    interface Sink {
        void offer(AgentState agent, FrameworkState framework, RoleState role, Resources resources);
    }

    private static final class Entry {
        final AgentState agent;
        final FrameworkState framework;
        final RoleState role;
        /** Parts other than whole slices, summed; null when none. */
        Resources other;
        int slices;

        Entry(AgentState agent, FrameworkState framework, RoleState role) {
            this.agent = agent;
            this.framework = framework;
            this.role = role;
        }
    }

    /** Identity of agent, framework and role (none of them overrides equals). */
    private record Key(AgentState agent, FrameworkState framework, RoleState role) {
    }

    private final Resources slice;
    private final List<Resources> multiples = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private int agentStart;
    private boolean mergeAtFlush;

    PendingOffers(Resources slice) {
        this.slice = slice;
        multiples.add(Resources.EMPTY);
        multiples.add(slice);
    }

    /** Adds a stage-2 part; parts of one agent must come one after the other. */
    void add(AgentState agent, FrameworkState framework, RoleState role, Resources part) {
        if (agentStart == entries.size() || entries.get(agentStart).agent != agent) {
            agentStart = entries.size();
        }
        Entry e = null;
        for (int i = agentStart; i < entries.size() && e == null; i++) {
            Entry c = entries.get(i);
            if (c.framework == framework && c.role == role) {
                e = c;
            }
        }
        if (e == null) {
            e = new Entry(agent, framework, role);
            entries.add(e);
        }
        if (part == slice) {
            e.slices++;
        } else {
            e.other = e.other == null ? part : e.other.plus(part);
        }
    }

    /** Adds a part in any agent order (stage 1); the flush then merges by (agent, framework, role). */
    void addAnyOrder(AgentState agent, FrameworkState framework, RoleState role, Resources part) {
        mergeAtFlush = true;
        agentStart = entries.size();
        add(agent, framework, role, part);
        agentStart = entries.size();
    }

    /** Hands out the merged offers in the order of their first part, and forgets them. */
    void flush(Sink sink) {
        if (mergeAtFlush) {
            Map<Key, Resources> merged = new LinkedHashMap<>();
            for (Entry e : entries) {
                merged.merge(new Key(e.agent, e.framework, e.role), total(e), Resources::plus);
            }
            merged.forEach((k, r) -> sink.offer(k.agent(), k.framework(), k.role(), r));
        } else {
            for (Entry e : entries) {
                sink.offer(e.agent, e.framework, e.role, total(e));
            }
        }
        entries.clear();
        agentStart = 0;
        mergeAtFlush = false;
    }

    private Resources total(Entry e) {
        Resources slices = multiple(e.slices);
        return e.other == null ? slices : e.other.plus(slices);
    }

    /** {@code n} slices as one value (cached: an agent holds few). */
    private Resources multiple(int n) {
        while (multiples.size() <= n) {
            List<Resource> items = new ArrayList<>();
            long k = multiples.size();
            for (Resource r : slice.items()) {
                items.add(r.withScalar(r.scalarMillis() * k));
            }
            multiples.add(Resources.of(items));
        }
        return multiples.get(n);
    }
}
