package io.drydock.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.allocator.maintenance.Unavailability;
import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.role.Roles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random operation sequences; after every allocation run the invariants are checked against
 * a ledger kept by the test itself (not the allocator's own bookkeeping).
 */
class InvariantsRandomizedTest {

    private static final List<String> ROLES = List.of("*", "a", "a/x", "b", "c");
    private static final long C_CPU_LIMIT = 5_000;

    /** What the test knows: resources in use per (framework, role, agent). */
    private record Use(FrameworkId fw, String role, AgentId agent) {
    }

    private final Map<Use, Resources> used = new HashMap<>();
    private final Map<AgentId, Unavailability> unavailable = new HashMap<>();
    private final Map<AgentId, Resources> totals = new HashMap<>();
    private final Map<FrameworkId, Duration> lookahead = new HashMap<>();
    private int offersChecked;
    private int inverseOffersChecked;
    private boolean sliced;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void invariantsHoldUnderRandomOperations(long seed) {
        run(seed, new Scenario(b -> b.seed(seed)));
    }

    /** The same with offer slices on (agents hold 1-4 cpus, so most are cut into several slices). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void invariantsHoldWithOfferSlices(long seed) {
        sliced = true;
        run(seed, new Scenario(b -> b.seed(seed).offerSlice("cpus:1;mem:256")));
    }

    private void run(long seed, Scenario s) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 12; i++) {
            addAgent(s, rnd, "a" + i);
        }
        for (int i = 0; i < 6; i++) {
            String role1 = ROLES.get(rnd.nextInt(ROLES.size()));
            String role2 = ROLES.get(rnd.nextInt(ROLES.size()));
            FrameworkSpec spec = role1.equals(role2) ? FrameworkSpec.of("f" + i, role1)
                    : FrameworkSpec.of("f" + i, role1, role2);
            if (rnd.nextInt(3) == 0) {
                spec = spec.withLookahead(Duration.ofMinutes(30));
                lookahead.put(spec.id(), Duration.ofMinutes(30));
            }
            s.framework(spec);
        }
        s.allocator.updateQuota("c", Quota.of("", "cpus:" + C_CPU_LIMIT / 1000));
        s.allocator.updateQuota("b", Quota.of("cpus:3;mem:1024", ""));
        s.allocator.updateWeights(Map.of("a", 2.0));
        int nextAgent = 12;
        for (int step = 0; step < 300; step++) {
            int op = rnd.nextInt(10);
            List<Offer> outstanding = s.allocator.outstandingOffers();
            if (op <= 2) {
                check(s, s.allocate());
            } else if (op == 3 && !outstanding.isEmpty()) {
                Offer o = outstanding.get(rnd.nextInt(outstanding.size()));
                s.allocator.declineOffer(o.id(), Filters.refuseSeconds(rnd.nextInt(3) * 2.0));
            } else if (op == 4 && !outstanding.isEmpty()) {
                Offer o = outstanding.get(rnd.nextInt(outstanding.size()));
                Resources take = part(o.resources(), rnd);
                s.allocator.acceptOffer(o.id(), take, Filters.DEFAULT);
                used.merge(new Use(o.frameworkId(), o.role(), o.agentId()), take, Resources::plus);
            } else if (op == 5 && !used.isEmpty()) {
                Use u = new ArrayList<>(used.keySet()).get(rnd.nextInt(used.size()));
                s.allocator.recoverResources(u.fw(), u.agent(), u.role(), used.remove(u), Filters.NONE);
            } else if (op == 6) {
                AgentId a = AgentId.of("a" + rnd.nextInt(nextAgent));
                if (totals.containsKey(a)) {
                    Unavailability u = rnd.nextBoolean() ? null : Unavailability.from(
                            s.clock.instant().plus(Duration.ofMinutes(rnd.nextInt(120))), Duration.ofHours(1));
                    s.allocator.updateUnavailability(a, u);
                    if (u == null) {
                        unavailable.remove(a);
                    } else {
                        unavailable.put(a, u);
                    }
                }
            } else if (op == 7) {
                FrameworkId f = FrameworkId.of("f" + rnd.nextInt(6));
                if (rnd.nextBoolean()) {
                    s.allocator.suppressOffers(f, Set.of());
                } else {
                    s.allocator.reviveOffers(f, Set.of());
                }
            } else if (op == 8) {
                s.tick(Duration.ofSeconds(rnd.nextInt(4)));
                for (InverseOffer io : s.allocator.outstandingInverseOffers()) {
                    if (rnd.nextBoolean()) {
                        s.allocator.declineInverseOffer(io.frameworkId(), io.id(), Filters.refuseSeconds(2));
                    }
                }
            } else if (op == 9) {
                if (rnd.nextBoolean() && totals.size() > 4) {
                    AgentId gone = new ArrayList<>(totals.keySet()).get(rnd.nextInt(totals.size()));
                    s.allocator.removeAgent(gone);
                    totals.remove(gone);
                    unavailable.remove(gone);
                    used.keySet().removeIf(u -> u.agent().equals(gone));
                } else {
                    addAgent(s, rnd, "a" + nextAgent++);
                }
            }
        }
        assertThat(offersChecked).as("the sequence exercised offers").isGreaterThan(20);
        System.out.printf("seed %d%s: %d offers, %d inverse offers checked%n", seed, sliced ? " (sliced)" : "",
                offersChecked, inverseOffersChecked);
    }

    private void addAgent(Scenario s, Random rnd, String id) {
        int cpus = 1 + rnd.nextInt(4);
        StringBuilder r = new StringBuilder("cpus:" + cpus + ";mem:" + 512 * (1 + rnd.nextInt(4))
                + ";ports:[31000-31009]");
        if (rnd.nextBoolean()) {
            String role = List.of("a", "a/x", "b").get(rnd.nextInt(3));
            r.append(";cpus(").append(role).append("):1;mem(").append(role).append("):256");
        }
        s.agent(id, r.toString());
        totals.put(AgentId.of(id), Resources.parse(r.toString()));
    }

    /** About half of each scalar and a single port, or everything. */
    private static Resources part(Resources offer, Random rnd) {
        if (rnd.nextBoolean()) {
            return offer;
        }
        List<Resource> out = new ArrayList<>();
        for (Resource r : offer.items()) {
            switch (r.type()) {
                case SCALAR -> out.add(r.withScalar(r.scalarMillis() / 2));
                case RANGES -> out.add(Resource.ranges(r.name(), List.of(new io.drydock.allocator.resources.Range(
                        r.ranges().get(0).begin(), r.ranges().get(0).begin()))));
                default -> { }
            }
        }
        return Resources.of(out);
    }

    private void check(Scenario s, Plan plan) {
        List<Offer> outstanding = s.allocator.outstandingOffers();
        // No resource offered twice, never more than the agent has: strict sums must fit the total.
        Map<AgentId, Resources> held = new HashMap<>();
        used.forEach((u, r) -> held.merge(u.agent(), r, Resources::plus));
        for (Offer o : outstanding) {
            held.merge(o.agentId(), o.resources(), Resources::plus);
        }
        held.forEach((agent, r) -> assertThat(totals.get(agent).contains(r))
                .as("offered + used on %s within total", agent).isTrue());
        long cUnreservedCpus = 0;
        offersChecked += plan.offers().size();
        inverseOffersChecked += plan.inverseOffers().size();
        if (sliced) {
            Set<String> once = new HashSet<>();
            for (Offer o : plan.offers()) {
                assertThat(once.add(o.frameworkId() + "/" + o.role() + "@" + o.agentId()))
                        .as("one offer per framework, role and agent in a run").isTrue();
            }
        }
        for (Offer o : plan.offers()) {
            for (Resource r : o.resources().items()) {
                if (!r.isUnreserved()) {
                    assertThat(r.role().equals(o.role()) || Roles.isStrictSubroleOf(o.role(), r.role()))
                            .as("reserved %s offered to %s", r, o.role()).isTrue();
                }
            }
            assertThat(o.unavailability()).isEqualTo(java.util.Optional.ofNullable(unavailable.get(o.agentId())));
            Duration la = lookahead.get(o.frameworkId());
            Unavailability u = unavailable.get(o.agentId());
            if (la != null && u != null) {
                assertThat(u.startsWithin(plan.at(), la)).as("lookahead respected").isFalse();
            }
        }
        for (Offer o : outstanding) {
            if (Roles.topLevel(o.role()).equals("c")) {
                cUnreservedCpus += o.resources().unreserved().scalarMillis("cpus");
            }
        }
        for (var e : used.entrySet()) {
            if (Roles.topLevel(e.getKey().role()).equals("c")) {
                cUnreservedCpus += e.getValue().unreserved().scalarMillis("cpus");
            }
        }
        assertThat(cUnreservedCpus).as("quota limit of c").isLessThanOrEqualTo(C_CPU_LIMIT);
        Set<String> keys = new HashSet<>();
        for (InverseOffer io : s.allocator.outstandingInverseOffers()) {
            assertThat(keys.add(io.frameworkId() + "@" + io.agentId())).as("one inverse offer per pair").isTrue();
        }
        for (InverseOffer io : plan.inverseOffers()) {
            assertThat(unavailable.get(io.agentId())).isEqualTo(io.unavailability());
            boolean holds = outstanding.stream().anyMatch(o -> o.frameworkId().equals(io.frameworkId())
                    && o.agentId().equals(io.agentId()))
                    || used.keySet().stream().anyMatch(u -> u.fw().equals(io.frameworkId())
                    && u.agent().equals(io.agentId()));
            assertThat(holds).as("inverse offer only to a framework holding resources there").isTrue();
        }
    }
}
