package io.drydock.allocator.state;

import io.drydock.allocator.Filters;
import io.drydock.allocator.OfferId;
import io.drydock.allocator.Rescind;
import io.drydock.allocator.filter.OfferFilters;
import io.drydock.allocator.resources.Resources;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Offer outcomes (accept, decline, rescind, recover) and the filters they install (internal). */
public final class OfferLedger {

    private final ClusterState state;
    private final Clock clock;
    private final Duration allocationInterval;

    public OfferLedger(ClusterState state, Clock clock, Duration allocationInterval) {
        this.state = state;
        this.clock = clock;
        this.allocationInterval = allocationInterval;
    }

    public boolean accept(OfferId offerId, Resources used, Filters filters) {
        OfferRecord o = state.offers.get(offerId);
        if (o == null) {
            return false;
        }
        if (!o.resources().contains(used)) {
            throw new IllegalArgumentException("Offer " + offerId + " does not contain " + used);
        }
        remove(o);
        Resources unused = o.resources().minus(used);
        state.holdUsed(o.agent(), o.framework(), o.role(), used);
        if (!unused.isEmpty()) {
            release(o, unused, filters);
        }
        return true;
    }

    public boolean decline(OfferId offerId, Filters filters) {
        OfferRecord o = state.offers.get(offerId);
        if (o == null) {
            return false;
        }
        remove(o);
        release(o, o.resources(), filters);
        return true;
    }

    private void release(OfferRecord o, Resources resources, Filters filters) {
        state.releaseOffer(o.agent(), o.framework(), o.role(), resources);
        OfferFilters.install(o.agent(), o.framework(), o.role().name, resources, clock.instant(),
                filters.offerFilter(allocationInterval));
    }

    public void recover(FrameworkState fw, AgentState a, RoleState role, Resources resources, Filters filters) {
        state.unallocate(a, fw, role, resources);
        OfferFilters.install(a, fw, role.name, resources, clock.instant(), filters.offerFilter(allocationInterval));
    }

    /**
     * Converts resources a framework holds (e.g. RESERVE, CREATE volume, UNRESERVE applied by the master
     * to accepted resources): {@code from} leaves the allocation and the agent total, {@code to} enters
     * both. Quantities may differ only as the operation implies; the agent total stays consistent.
     */
    public void convert(FrameworkState fw, AgentState a, RoleState role, Resources from, Resources to) {
        state.unallocate(a, fw, role, from);
        Resources newTotal = a.total.minus(from).plus(to);
        state.addTotal(a, a.total, -1);
        a.total = newTotal;
        state.addTotal(a, newTotal, 1);
        a.setFree(a.free.minus(from).plus(to));
        state.allocate(a, fw, role, to);
    }

    /** Rescinds all outstanding offers on an agent, recovering them without filters. */
    public List<Rescind> rescindOffersOn(AgentState a) {
        List<Rescind> rescinds = new ArrayList<>();
        for (OfferRecord o : a.offers()) {
            decline(o.id(), Filters.NONE);
            rescinds.add(new Rescind(o.id(), o.framework().id, a.id, Rescind.Kind.OFFER));
        }
        return rescinds;
    }

    /** Rescinds all outstanding offers of a framework, recovering them without filters. */
    public List<Rescind> rescindOffersOf(FrameworkState fw) {
        List<Rescind> rescinds = new ArrayList<>();
        for (OfferRecord o : new ArrayList<>(state.offers.values())) {
            if (o.framework() == fw) {
                decline(o.id(), Filters.NONE);
                rescinds.add(new Rescind(o.id(), fw.id, o.agent().id, Rescind.Kind.OFFER));
            }
        }
        return rescinds;
    }

    /** Outstanding offers in creation order. */
    public List<io.drydock.allocator.Offer> outstanding() {
        List<io.drydock.allocator.Offer> out = new ArrayList<>();
        for (OfferRecord o : state.offers.values()) {
            out.add(new io.drydock.allocator.Offer(o.id(), o.framework().id, o.role().name, o.agent().id,
                    o.agent().machine, o.resources(), java.util.Optional.ofNullable(o.agent().unavailability)));
        }
        return out;
    }

    private void remove(OfferRecord o) {
        state.offers.remove(o.id());
        o.agent().removeOffer(o);
    }
}
