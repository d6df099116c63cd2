package io.drydock.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.resources.Resources;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The opt-in offer slice ({@link AllocatorBuilder#offerSlice}): finer-grained weighted DRF. */
class OfferSliceTest {

    private static Scenario sliced(String slice) {
        return new Scenario(b -> b.offerSlice(slice));
    }

    private static Offer only(Plan plan, String framework) {
        List<Offer> offers = Scenario.offersTo(plan, framework);
        assertThat(offers).as("offers to %s", framework).hasSize(1);
        return offers.get(0);
    }

    @Test
    void anAgentIsSharedAndEachFrameworksSlicesFormOneOffer() {
        Scenario s = sliced("cpus:1;mem:1024").agent("a1", "cpus:4;mem:4096");
        s.framework("f1", "r1").framework("f2", "r2");
        Plan plan = s.allocate();
        assertThat(plan.offers()).hasSize(2);
        assertThat(only(plan, "f1").resources()).isEqualTo(Resources.parse("cpus:2;mem:2048"));
        assertThat(only(plan, "f2").resources()).isEqualTo(Resources.parse("cpus:2;mem:2048"));
        assertThat(s.allocator.outstandingOffers()).hasSize(2);
        assertThat(s.allocator.free(AgentId.of("a1")).isEmpty()).isTrue();
    }

    @Test
    void withoutASliceTheFirstRoleTakesTheWholeAgentAsInMesos() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:4096");
        s.framework("f1", "r1").framework("f2", "r2");
        Plan plan = s.allocate();
        assertThat(plan.offers()).hasSize(1);
        assertThat(plan.offers().get(0).resources()).isEqualTo(Resources.parse("cpus:4;mem:4096"));
    }

    @Test
    void slicesFollowTheWeights() {
        Plan plan = heavyThreeToLightOne("cpus:8;mem:4096");
        assertThat(only(plan, "f1").resources().scalar("cpus")).isEqualTo(6.0);
        assertThat(only(plan, "f2").resources().scalar("cpus")).isEqualTo(2.0);
    }

    /**
     * The last slices go to the role whose share after the slice is lowest: on 5 cpus, weight 3 against
     * weight 1 ends 4 : 1 (1.33 and 1 cpus per unit of weight). Mesos's order (lowest share before the
     * slice, ties to fewer allocations) would end 3 : 2 (1 and 2 per unit of weight).
     */
    @Test
    void theLastSlicesGoToTheLowestShareAfterTheSlice() {
        Plan plan = heavyThreeToLightOne("cpus:5;mem:2560");
        assertThat(only(plan, "f1").resources().scalar("cpus")).isEqualTo(4.0);
        assertThat(only(plan, "f2").resources().scalar("cpus")).isEqualTo(1.0);
    }

    /** One agent with {@code resources} sliced by 1 cpu; f1 in role "heavy" (weight 3), f2 in "light" (1). */
    private Plan heavyThreeToLightOne(String resources) {
        Scenario s = sliced("cpus:1;mem:512").agent("a1", resources);
        s.framework("f1", "heavy").framework("f2", "light");
        s.allocator.updateWeights(Map.of("heavy", 3.0));
        return s.allocate();
    }

    @Test
    void reservationsGoWholeToTheirRolePortsWithTheFirstSliceAndOtherScalarsAreSplitEvenly() {
        Scenario s = sliced("cpus:1;mem:1024")
                .agent("a1", "cpus:2;mem:2048;disk:1000;ports:[31000-31009];cpus(res):2;mem(res):512");
        s.framework("f1", "res").framework("f2", "other");
        Plan plan = s.allocate();
        Resources toRes = only(plan, "f1").resources();
        Resources toOther = only(plan, "f2").resources();
        assertThat(toRes.reserved()).isEqualTo(Resources.parse("cpus(res):2;mem(res):512"));
        assertThat(toOther.reserved().isEmpty()).as("reserved only to its role").isTrue();
        assertThat(toRes.unreserved().scalar("cpus") + toOther.scalar("cpus")).isEqualTo(2.0);
        assertThat(toRes.scalar("disk")).isEqualTo(500.0);
        assertThat(toOther.scalar("disk")).isEqualTo(500.0);
        assertThat(toRes.quantityMillis("ports") + toOther.quantityMillis("ports")).isEqualTo(10_000);
        assertThat(toRes.quantityMillis("ports") == 0 || toOther.quantityMillis("ports") == 0)
                .as("ports are not split").isTrue();
    }

    @Test
    void aSliceBelowTheMinimumAllocatableGrowsToTheRolesWholeOffer() {
        Scenario s = new Scenario(b -> b.offerSlice("cpus:1;mem:1024").minAllocatable("cpus:2"))
                .agent("a1", "cpus:4;mem:4096");
        s.framework("f1", "r1").framework("f2", "r2");
        Plan plan = s.allocate();
        assertThat(plan.offers()).hasSize(1);
        assertThat(plan.offers().get(0).resources()).isEqualTo(Resources.parse("cpus:4;mem:4096"));
    }

    @Test
    void filteredAndSuppressedFrameworksGetNoSlices() {
        Scenario s = sliced("cpus:1;mem:1024").agent("a1", "cpus:4;mem:4096");
        s.framework("f1", "r1").framework("f2", "r2").framework("f3", "r3");
        s.allocator.suppressOffers(FrameworkId.of("f3"), Set.of());
        Plan first = s.allocate();
        assertThat(Scenario.offersTo(first, "f3")).isEmpty();
        s.allocator.declineOffer(only(first, "f1").id(), Filters.refuseSeconds(60));
        Offer kept = only(first, "f2");
        s.allocator.acceptOffer(kept.id(), kept.resources(), Filters.NONE);
        Plan second = s.allocate();
        // The filter is checked against what the role could get here (cpus:2;mem:2048, all refused).
        assertThat(Scenario.offersTo(second, "f1")).as("f1 refused these resources").isEmpty();
        assertThat(only(second, "f2").resources()).isEqualTo(Resources.parse("cpus:2;mem:2048"));
    }

    @Test
    void quotaLimitsBoundTheSlicesAndGuaranteesComeFirst() {
        Scenario s = sliced("cpus:1;mem:256").agent("a1", "cpus:4;mem:1024").agent("a2", "cpus:4;mem:1024");
        s.framework("f1", "limited").framework("f2", "guaranteed").framework("f3", "plain");
        s.allocator.updateQuota("limited", Quota.of("", "cpus:1"));
        s.allocator.updateQuota("guaranteed", Quota.of("cpus:5", ""));
        Plan plan = s.allocate();
        Map<String, Double> cpus = new HashMap<>();
        for (Offer o : plan.offers()) {
            cpus.merge(o.role(), o.resources().scalar("cpus"), Double::sum);
        }
        assertThat(cpus.get("limited")).isEqualTo(1.0);
        assertThat(cpus.get("guaranteed")).isGreaterThanOrEqualTo(5.0);
        assertThat(cpus.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(8.0);
        Set<String> once = new java.util.HashSet<>();
        plan.offers().forEach(o -> assertThat(once.add(o.frameworkId() + "@" + o.agentId())).isTrue());
    }

    @Test
    void theLookaheadKeepsSlicesOfDrainingAgentsAway() {
        Scenario s = sliced("cpus:1;mem:1024").agent("a1", "cpus:4;mem:4096");
        s.framework(FrameworkSpec.of("careful", "r1").withLookahead(Duration.ofHours(1))).framework("f2", "r2");
        s.allocator.updateUnavailability(AgentId.of("a1"), io.drydock.allocator.maintenance.Unavailability.from(
                s.clock.instant().plus(Duration.ofMinutes(10)), Duration.ofHours(1)));
        Plan plan = s.allocate();
        assertThat(Scenario.offersTo(plan, "careful")).isEmpty();
        assertThat(only(plan, "f2").resources()).isEqualTo(Resources.parse("cpus:4;mem:4096"));
    }

    @Test
    void onlyUnreservedScalarsMayBeNamed() {
        assertThatThrownBy(() -> Allocator.builder().offerSlice("ports:[1-2]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unreserved scalars");
        assertThatThrownBy(() -> Allocator.builder().offerSlice("cpus(r):1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unreserved scalars");
        assertThat(Allocator.builder().offerSlice(" ").offerSlice).isNull();
    }

    /**
     * What slicing buys: 40 agents of 32 cpus, 10 roles of weights 1, 2, 3, 1, ... with more demand than
     * the cluster. Whole-agent offers leave per-weight shares a whole agent apart; with one-cpu slices
     * they end at most one slice (one cpu per unit of weight) apart.
     */
    @Test
    void slicesMakeWeightedSharesConvergeToWithinOneSlice() {
        double plain = spread(new Scenario());
        double slicedSpread = spread(sliced("cpus:1;mem:4096"));
        // 1 280 cpus over 19 units of weight: 67.4 cpus per unit; one cpu apart is a spread of 0.015.
        System.out.printf("share spread: whole agents %.4f, slices %.4f%n", plain, slicedSpread);
        assertThat(slicedSpread).isLessThanOrEqualTo(1.0 / (1280.0 / 19));
        assertThat(plain).isGreaterThan(0.1).isGreaterThan(5 * slicedSpread);
    }

    private static double spread(Scenario s) {
        for (int i = 0; i < 40; i++) {
            s.agent("a" + i, "cpus:32;mem:131072");
        }
        Map<String, Double> weights = new HashMap<>();
        for (int q = 0; q < 10; q++) {
            weights.put("q" + q, 1.0 + q % 3);
            s.framework("f" + q, "q" + q);
        }
        s.allocator.updateWeights(weights);
        s.acceptAll(s.allocate());
        assertThat(s.allocator.allocate().offers()).as("the cluster is full").isEmpty();
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        for (int q = 0; q < 10; q++) {
            double perWeight = s.allocator.allocationsOf("q" + q).values().stream().flatMap(List::stream)
                    .mapToDouble(r -> r.scalar("cpus")).sum() / weights.get("q" + q);
            min = Math.min(min, perWeight);
            max = Math.max(max, perWeight);
            sum += perWeight;
        }
        return (max - min) / (sum / 10);
    }
}
