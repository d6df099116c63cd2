package io.drydock.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drydock.allocator.resources.Resources;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferBasicsTest {

    @Test
    void anAgentIsOfferedWholeToOneFrameworkWithItsMachine() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024;ports:[31000-32000]").framework("f1", "*");
        Plan plan = s.allocate();
        assertThat(plan.offers()).singleElement().satisfies(o -> {
            assertThat(o.frameworkId().value()).isEqualTo("f1");
            assertThat(o.role()).isEqualTo("*");
            assertThat(o.resources()).isEqualTo(Resources.parse("cpus:4;mem:1024;ports:[31000-32000]"));
            assertThat(o.machineId().hostname()).isEqualTo("a1.example");
            assertThat(o.unavailability()).isEmpty();
        });
        assertThat(s.allocate().offers()).as("offered resources are not offered again").isEmpty();
    }

    @Test
    void declinedResourcesAreFilteredForRefuseSecondsButNotForOtherFrameworks() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        s.declineAll(s.allocate(), Filters.refuseSeconds(10));
        s.framework("f2", "*");
        assertThat(Scenario.offersTo(s.allocate(), "f2")).hasSize(1);
    }

    @Test
    void declineFilterExpiresAfterRefuseSeconds() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        s.declineAll(s.allocate(), Filters.refuseSeconds(10));
        s.tick(Duration.ofSeconds(9));
        assertThat(s.allocate().offers()).isEmpty();
        s.tick(Duration.ofSeconds(1));
        assertThat(s.allocate().offers()).hasSize(1);
    }

    @Test
    void omittedFiltersRefuseForFiveSeconds() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        s.declineAll(s.allocate(), Filters.DEFAULT);
        s.tick(Duration.ofMillis(4999));
        assertThat(s.allocate().offers()).isEmpty();
        s.tick(Duration.ofMillis(1));
        assertThat(s.allocate().offers()).hasSize(1);
    }

    @Test
    void zeroRefuseSecondsInstallsNoFilterAndTinyOnesLastOneAllocationInterval() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        s.declineAll(s.allocate(), Filters.NONE);
        assertThat(s.allocate().offers()).hasSize(1);
        s.allocator.outstandingOffers().forEach(o -> s.allocator.declineOffer(o.id(), Filters.refuseSeconds(0.1)));
        s.tick(Duration.ofMillis(500));
        assertThat(s.allocate().offers()).as("stretched to the 1 s interval").isEmpty();
        s.tick(Duration.ofMillis(500));
        assertThat(s.allocate().offers()).hasSize(1);
    }

    @Test
    void refuseSecondsAreCappedAtOneYearAndNegativeMeansFiveSeconds() {
        assertThat(Filters.refuseSeconds(1e12).refuse()).isEqualTo(Duration.ofDays(365));
        assertThat(Filters.refuseSeconds(-3).refuse()).isEqualTo(Duration.ofSeconds(5));
        assertThat(Filters.refuseSeconds(0).offerFilter(Duration.ofSeconds(1))).isZero();
        assertThat(Filters.refuseSeconds(0.2).offerFilter(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLargerOfferPassesADeclineFilter() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        Plan first = s.allocate();
        Offer o = first.offers().get(0);
        s.allocator.acceptOffer(o.id(), Resources.parse("cpus:2;mem:512"), Filters.refuseSeconds(60));
        assertThat(s.allocate().offers()).isEmpty();
        s.allocator.recoverResources(o.frameworkId(), o.agentId(), "*", Resources.parse("cpus:2;mem:512"),
                Filters.NONE);
        assertThat(s.allocate().offers()).singleElement()
                .satisfies(x -> assertThat(x.resources()).isEqualTo(Resources.parse("cpus:4;mem:1024")));
    }

    @Test
    void suppressedFrameworksGetNothingUntilReviveWhichClearsFilters() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        s.declineAll(s.allocate(), Filters.refuseSeconds(1000));
        s.allocator.suppressOffers(FrameworkId.of("f1"), Set.of());
        assertThat(s.allocate().offers()).isEmpty();
        s.allocator.reviveOffers(FrameworkId.of("f1"), Set.of());
        assertThat(s.allocate().offers()).hasSize(1);
    }

    @Test
    void suppressIsPerRole() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").agent("a2", "cpus:4;mem:1024")
                .framework("f1", "web", "batch");
        s.allocator.suppressOffers(FrameworkId.of("f1"), Set.of("web"));
        assertThat(s.allocate().offers()).extracting(Offer::role).containsOnly("batch");
    }

    @Test
    void offersBelowMinimumAllocatableAreNotMade() {
        Scenario s = new Scenario().agent("a1", "cpus:0.005;mem:16;disk:100").framework("f1", "*");
        assertThat(s.allocate().offers()).isEmpty();
        Scenario t = new Scenario(b -> b.minAllocatable("disk:50")).agent("a1", "cpus:0.005;mem:16;disk:100")
                .framework("f1", "*");
        assertThat(t.allocate().offers()).hasSize(1);
    }

    @Test
    void reservedResourcesGoOnlyToTheirRoleAndItsSubroles() {
        Scenario s = new Scenario().agent("a1", "cpus(eng):4;mem(eng):1024;cpus:1;mem:256")
                .framework("ads", "ads");
        assertThat(s.allocate().offers()).singleElement()
                .satisfies(o -> assertThat(o.resources()).isEqualTo(Resources.parse("cpus:1;mem:256")));
        s.framework("web", "eng/web");
        assertThat(s.allocate().offers()).singleElement().satisfies(o -> {
            assertThat(o.role()).isEqualTo("eng/web");
            assertThat(o.resources()).isEqualTo(Resources.parse("cpus(eng):4;mem(eng):1024"));
        });
    }

    @Test
    void aMultiRoleFrameworkGetsSeparateOffersPerRole() {
        Scenario s = new Scenario().agent("a1", "cpus(a):1;mem(a):64;cpus(b):1;mem(b):64").framework("f", "a", "b");
        assertThat(s.allocate().offers()).extracting(Offer::role).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void gpuAgentsGoOnlyToGpuCapableFrameworks() {
        Scenario s = new Scenario().agent("g1", "cpus:4;mem:1024;gpus:1").framework("plain", "*");
        assertThat(s.allocate().offers()).isEmpty();
        s.framework(FrameworkSpec.of("gpu", "*").withCapabilities(Set.of(FrameworkCapability.GPU_RESOURCES)));
        assertThat(s.allocate().offers()).extracting(o -> o.frameworkId().value()).containsExactly("gpu");
    }

    @Test
    void whitelistRejectsUnknownRolesWithMesosMessages() {
        Scenario s = new Scenario(b -> b.roleWhitelist("ads"));
        assertThatThrownBy(() -> s.framework("f", "ads", "web"))
                .hasMessage("Roles { web } are not present in the master's --roles");
        assertThatThrownBy(() -> s.allocator.updateWeights(Map.of("web", 2.0))).hasMessage("Unknown role 'web'");
        assertThatThrownBy(() -> s.allocator.updateQuota("web", io.drydock.allocator.quota.Quota.NONE))
                .hasMessage("Invalid QuotaConfig: 'web' is not on the roles whitelist");
        s.framework("g", "ads", "*");
    }

    @Test
    void deactivatedAgentsAndFrameworksGetNoOffers() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        s.allocator.deactivateAgent(AgentId.of("a1"));
        assertThat(s.allocate().offers()).isEmpty();
        s.allocator.activateAgent(AgentId.of("a1"));
        s.allocator.deactivateFramework(FrameworkId.of("f1"));
        assertThat(s.allocate().offers()).isEmpty();
        s.allocator.activateFramework(FrameworkId.of("f1"));
        assertThat(s.allocate().offers()).hasSize(1);
    }

    @Test
    void removingAFrameworkReturnsEverythingItHeld() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        s.acceptAll(s.allocate());
        s.allocator.removeFramework(FrameworkId.of("f1"));
        assertThat(s.allocator.free(AgentId.of("a1"))).isEqualTo(Resources.parse("cpus:4;mem:1024"));
    }

    @Test
    void removingAnAgentRescindsItsOffers() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        Offer o = s.allocate().offers().get(0);
        assertThat(s.allocator.removeAgent(AgentId.of("a1")))
                .containsExactly(new Rescind(o.id(), o.frameworkId(), o.agentId(), Rescind.Kind.OFFER));
        assertThat(s.allocator.declineOffer(o.id(), Filters.DEFAULT)).as("stale id ignored").isFalse();
    }

    @Test
    void offerTimeoutRescindsOldOffers() {
        Scenario s = new Scenario(b -> b.offerTimeout(Duration.ofSeconds(30))).agent("a1", "cpus:4;mem:1024")
                .framework("f1", "*");
        Offer o = s.allocate().offers().get(0);
        s.tick(Duration.ofSeconds(30));
        Plan plan = s.allocate();
        assertThat(plan.rescinds()).extracting(Rescind::offerId).containsExactly(o.id());
        assertThat(plan.offers()).as("re-offered in the same run").hasSize(1);
    }

    @Test
    void sameInputsClockAndSeedGiveTheSamePlan() {
        Plan first = busyCluster().allocate();
        Plan second = busyCluster().allocate();
        assertThat(second).isEqualTo(first);
    }

    private static Scenario busyCluster() {
        Scenario s = new Scenario();
        for (int i = 0; i < 50; i++) {
            s.agent("a" + i, "cpus:4;mem:4096;ports:[31000-31100]");
        }
        for (int i = 0; i < 7; i++) {
            s.framework("f" + i, i % 2 == 0 ? "web" : "batch");
        }
        s.allocator.updateWeights(Map.of("web", 2.0));
        return s;
    }
}
