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
        if (!unused.isEmpty()) {
            recover(o.framework(), o.agent(), o.role(), unused, filters);
        }
        return true;
    }

    public boolean decline(OfferId offerId, Filters filters) {
        OfferRecord o = state.offers.get(offerId);
        if (o == null) {
            return false;
        }
        remove(o);
        recover(o.framework(), o.agent(), o.role(), o.resources(), filters);
        return true;
    }

    public void recover(FrameworkState fw, AgentState a, RoleState role, Resources resources, Filters filters) {
        state.unallocate(a, fw, role, resources);
        OfferFilters.install(a, fw, role.name, resources, clock.instant(), filters.offerFilter(allocationInterval));
    }

    /** Rescinds all outstanding offers on an agent, recovering them without filters. */
    public List<Rescind> rescindOffersOn(AgentState a) {
        List<Rescind> rescinds = new ArrayList<>();
        for (OfferRecord o : new ArrayList<>(a.offers)) {
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

    private void remove(OfferRecord o) {
        state.offers.remove(o.id());
        o.agent().offers.remove(o);
    }
}
