package io.drydock.allocator.maintenance;

import io.drydock.allocator.InverseOffer;
import io.drydock.allocator.InverseOfferStatus;
import io.drydock.allocator.OfferId;
import io.drydock.allocator.Rescind;
import io.drydock.allocator.state.AgentState;
import io.drydock.allocator.state.AllocationKey;
import io.drydock.allocator.state.FrameworkState;
import io.drydock.allocator.state.OfferRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Inverse offers (spec §1.8): at most one outstanding per (framework, agent); generated for every
 * active framework with resources offered or allocated on an agent that has an unavailability,
 * unless an inverse-offer filter is active. Responses record an {@link InverseOfferStatus}, remove
 * the inverse offer (no rescind) and install a filter (not stretched to the allocation interval).
 * Filters and statuses of an agent are cleared when its unavailability is (re)set; a framework's
 * filters are cleared on REVIVE.
 */
public final class InverseOfferBook {

    private record Key(FrameworkState framework, AgentState agent) {
    }

    private record Outstanding(InverseOffer offer, Key key, Instant createdAt) {
    }

    private final Map<OfferId, Outstanding> byId = new LinkedHashMap<>();
    private final Map<Key, Outstanding> byKey = new LinkedHashMap<>();
    private final Map<Key, Instant> filters = new LinkedHashMap<>();
    private final Map<Key, InverseOfferStatus> statuses = new LinkedHashMap<>();

    /** Generates inverse offers for one agent of an allocation run, appending them to {@code out}. */
    public void generate(AgentState agent, Instant now, Supplier<OfferId> ids, List<InverseOffer> out) {
        Unavailability u = agent.unavailability;
        if (u == null || agent.allocations.isEmpty() && !agent.hasOffers()) {
            return;
        }
        Set<FrameworkState> frameworks = new LinkedHashSet<>();
        for (AllocationKey k : agent.allocations.keySet()) {
            frameworks.add(k.framework());
        }
        for (OfferRecord o : agent.offers()) {
            frameworks.add(o.framework());
        }
        for (FrameworkState fw : frameworks) {
            if (!fw.active) {
                continue;
            }
            Key key = new Key(fw, agent);
            if (byKey.containsKey(key)) {
                continue;
            }
            Instant until = filters.get(key);
            if (until != null) {
                if (now.isBefore(until)) {
                    continue;
                }
                filters.remove(key);
            }
            InverseOffer io = new InverseOffer(ids.get(), fw.id, agent.id, agent.machine, u);
            Outstanding o = new Outstanding(io, key, now);
            byId.put(io.id(), o);
            byKey.put(key, o);
            out.add(io);
        }
    }

    /**
     * Records a framework's answer. Unknown or stale ids (or another framework's) are ignored.
     *
     * @return the recorded status, or null when the id was not outstanding for that framework
     */
    public InverseOfferStatus respond(FrameworkState fw, OfferId id, InverseOfferStatus.Answer answer,
                                      Duration filter, Instant now) {
        Outstanding o = byId.get(id);
        if (o == null || o.key().framework() != fw) {
            return null;
        }
        byId.remove(id);
        byKey.remove(o.key());
        InverseOfferStatus status = new InverseOfferStatus(fw.id, o.key().agent().id, answer, now);
        statuses.put(o.key(), status);
        if (!filter.isZero()) {
            filters.put(o.key(), now.plus(filter));
        }
        return status;
    }

    /** Agent's unavailability (re)set or agent removed: rescinds its inverse offers, clears filters and statuses. */
    public List<Rescind> resetAgent(AgentState agent) {
        List<Rescind> rescinds = new ArrayList<>();
        for (Iterator<Outstanding> it = byKey.values().iterator(); it.hasNext(); ) {
            Outstanding o = it.next();
            if (o.key().agent() == agent) {
                it.remove();
                byId.remove(o.offer().id());
                rescinds.add(new Rescind(o.offer().id(), o.offer().frameworkId(), agent.id,
                        Rescind.Kind.INVERSE_OFFER));
            }
        }
        filters.keySet().removeIf(k -> k.agent() == agent);
        statuses.keySet().removeIf(k -> k.agent() == agent);
        return rescinds;
    }

    /** Framework removed or deactivated: drops its inverse offers (no rescind, as in Mesos). */
    public void dropFramework(FrameworkState fw, boolean forget) {
        byKey.values().removeIf(o -> {
            if (o.key().framework() == fw) {
                byId.remove(o.offer().id());
                return true;
            }
            return false;
        });
        if (forget) {
            filters.keySet().removeIf(k -> k.framework() == fw);
            statuses.keySet().removeIf(k -> k.framework() == fw);
        }
    }

    /** REVIVE: clears all inverse-offer filters of the framework. */
    public void clearFilters(FrameworkState fw) {
        filters.keySet().removeIf(k -> k.framework() == fw);
    }

    /** Inverse offers older than {@code timeout} are rescinded (offer timeout). */
    public List<Rescind> expire(Instant now, Duration timeout) {
        List<Rescind> rescinds = new ArrayList<>();
        for (Iterator<Outstanding> it = byKey.values().iterator(); it.hasNext(); ) {
            Outstanding o = it.next();
            if (!now.isBefore(o.createdAt().plus(timeout))) {
                it.remove();
                byId.remove(o.offer().id());
                rescinds.add(new Rescind(o.offer().id(), o.offer().frameworkId(), o.offer().agentId(),
                        Rescind.Kind.INVERSE_OFFER));
            }
        }
        return rescinds;
    }

    public List<InverseOffer> outstanding() {
        List<InverseOffer> out = new ArrayList<>();
        byId.values().forEach(o -> out.add(o.offer()));
        return out;
    }

    public List<InverseOfferStatus> statuses(AgentState agent) {
        List<InverseOfferStatus> out = new ArrayList<>();
        statuses.forEach((k, s) -> {
            if (k.agent() == agent) {
                out.add(s);
            }
        });
        return out;
    }
}
