package io.drydock.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drydock.allocator.maintenance.Unavailability;
import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.resources.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void aFrameworkHoldingAlikeResourcesOnTwoAgentsIsReportedPerAgent() {
        Scenario s = new Scenario().agent("a1", "cpus:1;mem:64;ports:[31000-32000]")
                .agent("a2", "cpus:1;mem:64;ports:[31000-32000]").framework("f", "*");
        assertThat(s.allocate().offers()).hasSize(2);
        List<Resources> held = s.allocator.allocationsOf("*").get(FrameworkId.of("f"));
        assertThat(held).hasSize(2).allSatisfy(r -> assertThat(r.scalar("cpus")).isEqualTo(1.0));
    }

    @Test
    void anEventTriggeredRunConsidersOnlyTheGivenAgents() {
        Scenario s = new Scenario().agent("a1", "cpus:1;mem:64").agent("a2", "cpus:1;mem:64").framework("f", "*");
        Plan plan = s.allocator.allocate(List.of(AgentId.of("a2"), AgentId.of("unknown")));
        assertThat(Scenario.agentsOf(plan.offers())).containsExactly("a2");
    }

    @Test
    void changedAttributesClearDeclineFiltersButAChangedTotalAloneDoesNot() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f", "*");
        s.declineAll(s.allocate(), Filters.refuseSeconds(1000));
        s.allocator.updateAgent(AgentId.of("a1"), Resources.parse("cpus:4;mem:1024"), Map.of());
        assertThat(s.allocate().offers()).isEmpty();
        s.allocator.updateAgent(AgentId.of("a1"), Resources.parse("cpus:4;mem:1024"), Map.of("rack", "r1"));
        assertThat(s.allocate().offers()).hasSize(1);
    }

    @Test
    void anAgentTotalMustKeepWhatIsAllocated() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f", "*");
        s.acceptAll(s.allocate());
        assertThatThrownBy(() -> s.allocator.updateAgent(AgentId.of("a1"), Resources.parse("cpus:2;mem:1024"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removingAnAgentRescindsItsInverseOffers() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f", "*");
        s.acceptAll(s.allocate());
        s.allocator.updateUnavailability(AgentId.of("a1"),
                Unavailability.from(s.clock.instant().plusSeconds(60), Duration.ofHours(1)));
        InverseOffer io = s.allocate().inverseOffers().get(0);
        assertThat(s.allocator.removeAgent(AgentId.of("a1")))
                .containsExactly(new Rescind(io.id(), io.frameworkId(), io.agentId(), Rescind.Kind.INVERSE_OFFER));
        assertThat(s.allocator.outstandingInverseOffers()).isEmpty();
    }

    @Test
    void deactivatingAFrameworkRescindsItsOffersAndDropsItsInverseOffers() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").agent("a2", "cpus:4;mem:1024")
                .framework("f", "*");
        s.allocator.acceptOffer(s.allocate().offers().get(0).id(), Resources.parse("cpus:1;mem:32"), Filters.NONE);
        s.allocator.updateUnavailability(AgentId.of("a1"),
                Unavailability.from(s.clock.instant().plusSeconds(60), Duration.ofHours(1)));
        s.allocator.updateUnavailability(AgentId.of("a2"),
                Unavailability.from(s.clock.instant().plusSeconds(60), Duration.ofHours(1)));
        Plan plan = s.allocate();
        assertThat(plan.inverseOffers()).isNotEmpty();
        List<Rescind> rescinds = s.allocator.deactivateFramework(FrameworkId.of("f"));
        assertThat(rescinds).extracting(Rescind::kind).containsOnly(Rescind.Kind.OFFER).isNotEmpty();
        assertThat(s.allocator.outstandingInverseOffers()).isEmpty();
        assertThat(s.allocator.outstandingOffers()).isEmpty();
    }

    @Test
    void theRandomSorterAllocatesEverythingAndIsDeterministicForASeed() {
        Plan first = randomCluster().allocate();
        Plan second = randomCluster().allocate();
        assertThat(first.offers()).hasSize(20);
        assertThat(second).isEqualTo(first);
    }

    private static Scenario randomCluster() {
        Scenario s = new Scenario(b -> b.roleSorter(AllocatorBuilder.SorterKind.RANDOM));
        for (int i = 0; i < 20; i++) {
            s.agent("a" + i, "cpus:2;mem:512");
        }
        for (int i = 0; i < 5; i++) {
            s.framework("f" + i, "r" + i % 3);
        }
        return s;
    }

    @Test
    void frameworksInSubrolesOfAQuotaRoleReceiveItsGuarantee() {
        Scenario s = new Scenario();
        for (int i = 0; i < 4; i++) {
            s.agent("a" + i, "cpus:2;mem:2048");
        }
        s.framework("big", "aaa").framework("web", "eng/web");
        s.allocator.updateQuota("eng", Quota.of("cpus:4;mem:4096", ""));
        s.allocate();
        double engCpus = s.allocator.allocationsOf("eng").values().stream().flatMap(List::stream).mapToDouble(r -> r.scalar("cpus")).sum();
        assertThat(engCpus).isGreaterThanOrEqualTo(4);
        assertThat(s.allocator.knownRoles()).contains("eng", "eng/web", "aaa");
    }

    @Test
    void removedQuotaNoLongerHoldsResourcesBack() {
        Scenario s = new Scenario().agent("a1", "cpus:2;mem:2048").framework("other", "zzz");
        s.allocator.updateQuota("idle", Quota.of("cpus:2;mem:2048", ""));
        assertThat(s.allocate().offers()).as("headroom held for idle's guarantee").isEmpty();
        s.allocator.updateQuota("idle", Quota.NONE);
        assertThat(s.allocate().offers()).hasSize(1);
    }
}
