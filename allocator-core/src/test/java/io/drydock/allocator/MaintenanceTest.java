package io.drydock.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.allocator.maintenance.Unavailability;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintenanceTest {

    private static Unavailability in(Scenario s, Duration d) {
        return Unavailability.from(s.clock.instant().plus(d), Duration.ofHours(1));
    }

    @Test
    void offersFromAnAgentWithUnavailabilityCarryIt() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").agent("a2", "cpus:4;mem:1024")
                .framework("f1", "*");
        Unavailability u = in(s, Duration.ofHours(2));
        s.allocator.updateUnavailability(AgentId.of("a1"), u);
        Plan plan = s.allocate();
        assertThat(plan.offers()).hasSize(2).allSatisfy(o -> assertThat(o.unavailability())
                .isEqualTo(o.agentId().value().equals("a1") ? java.util.Optional.of(u) : java.util.Optional.empty()));
    }

    @Test
    void settingUnavailabilityRescindsOutstandingOffersWhichComeBackCarryingIt() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        Offer before = s.allocate().offers().get(0);
        Unavailability u = in(s, Duration.ofHours(1));
        List<Rescind> rescinds = s.allocator.updateUnavailability(AgentId.of("a1"), u);
        assertThat(rescinds).extracting(Rescind::offerId).containsExactly(before.id());
        assertThat(s.allocate().offers()).singleElement().satisfies(o -> assertThat(o.unavailability()).contains(u));
    }

    @Test
    void inverseOffersGoToFrameworksWithResourcesOfferedOrAllocatedOnTheAgentOncePerAgent() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").agent("a2", "cpus:4;mem:1024")
                .framework("f1", "*").framework("f2", "*");
        s.acceptAll(s.allocate());
        Unavailability u = in(s, Duration.ofHours(1));
        s.allocator.updateUnavailability(AgentId.of("a1"), u);
        Plan plan = s.allocate();
        assertThat(plan.inverseOffers()).singleElement().satisfies(io -> {
            assertThat(io.agentId().value()).isEqualTo("a1");
            assertThat(io.unavailability()).isEqualTo(u);
        });
        assertThat(s.allocate().inverseOffers()).as("one outstanding per framework and agent").isEmpty();
    }

    @Test
    void declinedInverseOfferIsFilteredAndZeroFilterResendsNextCycle() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        s.acceptAll(s.allocate());
        s.allocator.updateUnavailability(AgentId.of("a1"), in(s, Duration.ofHours(1)));
        InverseOffer io = s.allocate().inverseOffers().get(0);
        InverseOfferStatus status = s.allocator.declineInverseOffer(io.frameworkId(), io.id(), Filters.refuseSeconds(100));
        assertThat(status.answer()).isEqualTo(InverseOfferStatus.Answer.DECLINE);
        assertThat(s.allocator.inverseOfferStatuses(AgentId.of("a1"))).containsExactly(status);
        s.tick(Duration.ofSeconds(99));
        assertThat(s.allocate().inverseOffers()).isEmpty();
        s.tick(Duration.ofSeconds(1));
        InverseOffer again = s.allocate().inverseOffers().get(0);
        s.allocator.acceptInverseOffer(again.frameworkId(), again.id(), Filters.NONE);
        assertThat(s.allocate().inverseOffers()).as("refuse_seconds 0: next cycle").hasSize(1);
    }

    @Test
    void inverseOfferFiltersAreNotStretchedToTheAllocationIntervalAndDefaultToFiveSeconds() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        s.acceptAll(s.allocate());
        s.allocator.updateUnavailability(AgentId.of("a1"), in(s, Duration.ofHours(1)));
        InverseOffer io = s.allocate().inverseOffers().get(0);
        s.allocator.acceptInverseOffer(io.frameworkId(), io.id(), Filters.refuseSeconds(0.2));
        s.tick(Duration.ofMillis(200));
        InverseOffer next = s.allocate().inverseOffers().get(0);
        s.allocator.acceptInverseOffer(next.frameworkId(), next.id(), Filters.DEFAULT);
        s.tick(Duration.ofMillis(4999));
        assertThat(s.allocate().inverseOffers()).isEmpty();
        s.tick(Duration.ofMillis(1));
        assertThat(s.allocate().inverseOffers()).hasSize(1);
    }

    @Test
    void inverseOfferFiltersClearOnUnavailabilityChangeAndOnRevive() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*");
        s.acceptAll(s.allocate());
        s.allocator.updateUnavailability(AgentId.of("a1"), in(s, Duration.ofHours(1)));
        InverseOffer io = s.allocate().inverseOffers().get(0);
        s.allocator.declineInverseOffer(io.frameworkId(), io.id(), Filters.refuseSeconds(1000));
        s.allocator.reviveOffers(FrameworkId.of("f1"), Set.of());
        InverseOffer afterRevive = s.allocate().inverseOffers().get(0);
        List<Rescind> rescinds = s.allocator.updateUnavailability(AgentId.of("a1"), in(s, Duration.ofHours(3)));
        assertThat(rescinds).extracting(Rescind::offerId, Rescind::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(afterRevive.id(), Rescind.Kind.INVERSE_OFFER));
        assertThat(s.allocator.inverseOfferStatuses(AgentId.of("a1"))).isEmpty();
        assertThat(s.allocate().inverseOffers()).hasSize(1);
    }

    @Test
    void staleOrForeignInverseOfferIdsAreIgnored() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("f1", "*").framework("f2", "*");
        s.acceptAll(s.allocate());
        s.allocator.updateUnavailability(AgentId.of("a1"), in(s, Duration.ofHours(1)));
        InverseOffer io = s.allocate().inverseOffers().get(0);
        String other = io.frameworkId().value().equals("f1") ? "f2" : "f1";
        assertThat(s.allocator.acceptInverseOffer(FrameworkId.of(other), io.id(), Filters.NONE)).isNull();
        assertThat(s.allocator.acceptInverseOffer(io.frameworkId(), OfferId.of("nope"), Filters.NONE)).isNull();
        assertThat(s.allocator.outstandingInverseOffers()).containsExactly(io);
    }

    @Test
    void agentsDrainingSoonestAreOfferedLast() {
        Scenario s = new Scenario().framework("f1", "*");
        for (int i = 0; i < 6; i++) {
            s.agent("a" + i, "cpus:1;mem:64");
        }
        s.allocator.updateUnavailability(AgentId.of("a0"), in(s, Duration.ofHours(1)));
        s.allocator.updateUnavailability(AgentId.of("a1"), in(s, Duration.ofHours(5)));
        List<String> order = s.allocate().offers().stream().map(o -> o.agentId().value()).toList();
        assertThat(order.subList(4, 6)).containsExactly("a1", "a0");
    }

    @Test
    void aFrameworkWithLookaheadIsNotOfferedAgentsDrainingWithinItButOthersAre() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").agent("a2", "cpus:4;mem:1024")
                .agent("a3", "cpus:4;mem:1024")
                .framework(FrameworkSpec.of("careful", "*").withLookahead(Duration.ofHours(2)));
        s.allocator.updateUnavailability(AgentId.of("a1"), in(s, Duration.ofHours(1)));
        s.allocator.updateUnavailability(AgentId.of("a3"), in(s, Duration.ofHours(3)));
        assertThat(Scenario.agentsOf(s.allocate().offers())).containsExactlyInAnyOrder("a2", "a3");
        s.framework("plain", "*");
        assertThat(Scenario.agentsOf(Scenario.offersTo(s.allocate(), "plain"))).containsExactly("a1");
    }
}
