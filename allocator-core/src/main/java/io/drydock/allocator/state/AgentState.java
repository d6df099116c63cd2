package io.drydock.allocator.state;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.MachineId;
import io.drydock.allocator.filter.OfferFilter;
import io.drydock.allocator.maintenance.Unavailability;
import io.drydock.allocator.resources.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable per-agent bookkeeping (internal). Invariant: {@code total = allocated + free}, where
 * allocated includes outstanding offers, and {@code allocated} is the sum of {@link #allocations}.
 */
public final class AgentState {

    public final AgentId id;
    public final int index;
    public MachineId machine;
    public Map<String, String> attributes;
    public Resources total;
    public Resources allocated = Resources.EMPTY;
    public Resources free;
    public boolean freeHasReservations;
    public boolean hasGpus;
    public boolean active = true;
    public Unavailability unavailability;
    public final Map<AllocationKey, Resources> allocations = new LinkedHashMap<>(4);
    public final List<OfferFilter> filters = new ArrayList<>(0);
    public final List<OfferRecord> offers = new ArrayList<>(1);

    public AgentState(AgentId id, int index, MachineId machine, Map<String, String> attributes, Resources total) {
        this.id = id;
        this.index = index;
        this.machine = machine;
        this.attributes = Map.copyOf(attributes);
        this.total = total;
        setFree(total);
        this.hasGpus = total.scalarMillis("gpus") > 0;
    }

    public void setFree(Resources free) {
        this.free = free;
        this.freeHasReservations = free.hasReservations();
    }
}
