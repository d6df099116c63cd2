package io.drydock.allocator;

import io.drydock.allocator.filter.OfferFilters;
import io.drydock.allocator.maintenance.InverseOfferBook;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.AllocationKey;
import io.drydock.allocator.state.ClusterState;
import io.drydock.allocator.state.FrameworkState;
import io.drydock.allocator.state.OfferLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The agent half of {@link Allocator}'s calls: adding, removing and updating agents. */
final class AgentCalls {

    private final ClusterState state;
    private final OfferLedger ledger;
    private final InverseOfferBook inverseOffers;

    AgentCalls(ClusterState state, OfferLedger ledger, InverseOfferBook inverseOffers) {
        this.state = state;
        this.ledger = ledger;
        this.inverseOffers = inverseOffers;
    }

    void add(AgentId id, MachineId machine, Resources total, Map<String, String> attributes) {
        if (state.agents.containsKey(id)) {
            throw new IllegalArgumentException("Agent " + id + " already added");
        }
        AgentState a = new AgentState(id, state.nextAgentIndex(), machine, attributes, total);
        state.agents.put(id, a);
        state.agentList.add(a);
        state.addTotal(a, total, 1);
    }

    List<Rescind> remove(AgentId id) {
        AgentState a = get(id);
        List<Rescind> rescinds = ledger.rescindOffersOn(a);
        rescinds.addAll(inverseOffers.resetAgent(a));
        for (Map.Entry<AllocationKey, Resources> e : new ArrayList<>(a.allocations.entrySet())) {
            state.unallocate(a, e.getKey().framework(), e.getKey().role(), e.getValue());
        }
        for (FrameworkState fw : state.frameworks.values()) {
            fw.filteredAgents.remove(a);
        }
        state.addTotal(a, a.total, -1);
        state.agents.remove(id);
        state.agentList.remove(a);
        state.setActive(a, true);
        state.setUnavailability(a, null);
        return rescinds;
    }

    void update(AgentId id, Resources total, Map<String, String> attributes) {
        AgentState a = get(id);
        Resources allocated = a.allocated();
        if (!total.contains(allocated)) {
            throw new IllegalArgumentException("New total " + total + " of agent " + id
                    + " does not contain its allocated resources " + allocated);
        }
        state.addTotal(a, a.total, -1);
        a.total = total;
        a.setFree(total.minus(allocated));
        a.hasGpus = total.scalarMillis("gpus") > 0;
        state.addTotal(a, total, 1);
        if (!a.attributes.equals(attributes)) {
            a.attributes = Map.copyOf(attributes);
            OfferFilters.clear(a);
        }
    }

    AgentState get(AgentId id) {
        AgentState a = state.agents.get(id);
        if (a == null) {
            throw new IllegalArgumentException("Unknown agent " + id);
        }
        return a;
    }
}
