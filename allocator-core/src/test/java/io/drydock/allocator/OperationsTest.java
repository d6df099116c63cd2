package io.drydock.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.allocator.resources.Reservation;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.resources.Volume;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationsTest {

    @Test
    void aFrameworkReserveTurnsHeldUnreservedResourcesIntoAReservationThatComesBackToItsRole() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").framework("db", "db").framework("web", "web");
        Offer o = Scenario.offersTo(s.allocate(), "db").stream().findFirst()
                .orElseGet(() -> s.allocator.outstandingOffers().get(0));
        FrameworkId holder = o.frameworkId();
        String role = o.role();
        Resources from = Resources.parse("cpus:2;mem:512");
        Resources reserved = Resources.of(Resource.scalar("cpus", 2).reserve(Reservation.dynamic(role, "ops", List.of())),
                Resource.scalar("mem", 512).reserve(Reservation.dynamic(role, "ops", List.of())));
        s.allocator.acceptOffer(o.id(), from, Filters.NONE);
        s.allocator.convertAllocation(holder, o.agentId(), role, from, reserved);
        assertThat(s.allocator.total(o.agentId())).isEqualTo(reserved.plus(Resources.parse("cpus:2;mem:512")));
        s.allocator.recoverResources(holder, o.agentId(), role, reserved, Filters.NONE);
        s.allocator.outstandingOffers().forEach(x -> s.allocator.declineOffer(x.id(), Filters.NONE));
        Plan next = s.allocate();
        assertThat(next.offers()).anySatisfy(x -> {
            assertThat(x.role()).isEqualTo(role);
            assertThat(x.resources().contains(reserved)).isTrue();
        });
        assertThat(next.offers()).allSatisfy(x -> assertThat(x.role().equals(role)
                || x.resources().reserved().isEmpty()).isTrue());
    }

    @Test
    void aCreatedVolumeIsOfferedWholeToItsRole() {
        Scenario s = new Scenario().agent("a1", "cpus(db):1;mem(db):128;disk(db):1024").framework("db", "db");
        Offer o = s.allocate().offers().get(0);
        Resource disk = Resource.scalar("disk", 1024).reserve(Reservation.staticFor("db"));
        Resources volume = Resources.of(disk.withVolume(new Volume("vol-1", "ops", "data", true)));
        s.allocator.acceptOffer(o.id(), Resources.of(disk), Filters.NONE);
        s.allocator.convertAllocation(o.frameworkId(), o.agentId(), "db", Resources.of(disk), volume);
        s.allocator.recoverResources(o.frameworkId(), o.agentId(), "db", volume, Filters.NONE);
        assertThat(s.allocate().offers()).singleElement()
                .satisfies(x -> assertThat(x.resources().contains(volume)).isTrue());
    }

    @Test
    void reSubscriptionChangesRolesAndLookaheadKeepingHeldResources() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:1024").agent("a2", "cpus:4;mem:1024")
                .framework("f", "old");
        s.allocator.acceptOffer(s.allocate().offers().get(0).id(), Resources.parse("cpus:1;mem:64"), Filters.NONE);
        s.allocator.outstandingOffers().forEach(x -> s.allocator.declineOffer(x.id(), Filters.NONE));
        s.allocator.updateUnavailability(AgentId.of("a2"), Unavailabilities.in(s, Duration.ofMinutes(10)));
        s.allocator.updateFramework(FrameworkSpec.of("f", "new").withLookahead(Duration.ofHours(1)));
        Plan plan = s.allocate();
        assertThat(plan.offers()).extracting(Offer::role).containsOnly("new");
        assertThat(plan.offers()).extracting(o -> o.agentId().value()).doesNotContain("a2");
        assertThat(s.allocator.allocationsOf("old")).hasSize(1);
        s.allocator.suppressOffers(FrameworkId.of("f"), Set.of());
        assertThat(s.allocate().offers()).isEmpty();
    }

    /** Small helper to build unavailability relative to the scenario clock. */
    static final class Unavailabilities {
        static io.drydock.allocator.maintenance.Unavailability in(Scenario s, Duration d) {
            return io.drydock.allocator.maintenance.Unavailability.from(s.clock.instant().plus(d), Duration.ofHours(1));
        }
    }
}
