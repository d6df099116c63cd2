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
 * allocated = the outstanding {@link #offers} plus the used {@link #allocations}.
 */
public final class AgentState {

    public final AgentId id;
    public final int index;
    public MachineId machine;
    public Map<String, String> attributes;
    public Resources total;
    public Resources free;
    public boolean freeHasReservations;
    public boolean freeEmpty;
    /** Lower bound (epoch millis, floored) of the earliest filter expiry; lets runs skip expiry checks. */
    public long earliestFilterExpiryMillis = Long.MAX_VALUE;
    public boolean hasGpus;
    public boolean active = true;
    public Unavailability unavailability;
    public final Map<AllocationKey, Resources> allocations = new LinkedHashMap<>(4);
    /** Decline filters as (framework, {@link OfferFilter}) pairs, so framework checks touch one array. */
    public Object[] filterSlots;
    public int filterCount;
    /** Outstanding offers on this agent; usually one, kept inline to save a pointer chase per offer. */
    private OfferRecord firstOffer;
    private List<OfferRecord> moreOffers;
    /** Identity memo of derived data of the last resources accounted or checked on this agent (hot path). */
    public Resources memoResources;
    public long[] memoScalars;
    public long[] memoUnreserved;
    /** -1 unknown, 0 no, 1 yes: whether {@link #memoResources} meets the minimum allocatable. */
    public int memoAllocatable = -1;

    public AgentState(AgentId id, int index, MachineId machine, Map<String, String> attributes, Resources total) {
        this.id = id;
        this.index = index;
        this.machine = machine;
        this.attributes = Map.copyOf(attributes);
        this.total = total;
        setFree(total);
        this.hasGpus = total.scalarMillis("gpus") > 0;
    }

    public void addOffer(OfferRecord o) {
        if (firstOffer == null) {
            firstOffer = o;
        } else {
            if (moreOffers == null) {
                moreOffers = new ArrayList<>(2);
            }
            moreOffers.add(o);
        }
    }

    public void removeOffer(OfferRecord o) {
        if (firstOffer == o) {
            firstOffer = moreOffers == null || moreOffers.isEmpty() ? null : moreOffers.remove(0);
        } else if (moreOffers != null) {
            moreOffers.remove(o);
        }
    }

    public boolean hasOffers() {
        return firstOffer != null;
    }

    /** A snapshot of the outstanding offers, oldest first. */
    public List<OfferRecord> offers() {
        if (firstOffer == null) {
            return List.of();
        }
        List<OfferRecord> out = new ArrayList<>(1 + (moreOffers == null ? 0 : moreOffers.size()));
        out.add(firstOffer);
        if (moreOffers != null) {
            out.addAll(moreOffers);
        }
        return out;
    }

    /** Offered plus allocated: {@code total - free}. */
    public Resources allocated() {
        return total.minus(free);
    }

    public void setFree(Resources free) {
        this.free = free;
        this.freeEmpty = free.isEmpty();
        this.freeHasReservations = !freeEmpty && free.hasReservations();
    }
}
