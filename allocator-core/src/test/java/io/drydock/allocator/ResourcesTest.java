package io.drydock.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drydock.allocator.resources.Range;
import io.drydock.allocator.resources.Reservation;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.ResourceParseException;
import io.drydock.allocator.resources.ResourceParser;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.resources.Volume;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourcesTest {

    @Test
    void parsesScalarsRangesSetsAndStaticReservations() {
        Resources r = ResourceParser.parse("cpus(sales):4;mem(*):1024;ports(*):[31000-32000];cpus:0.5;zones:{b,a}");
        assertThat(r.scalar("cpus")).isEqualTo(4.5);
        assertThat(r.allocatableTo("sales").scalar("cpus")).isEqualTo(4.5);
        assertThat(r.allocatableTo("ads").scalar("cpus")).isEqualTo(0.5);
        assertThat(r.quantityMillis("ports")).isEqualTo(1001_000);
        assertThat(r.quantityMillis("zones")).isEqualTo(2000);
        assertThat(r.reserved().items()).singleElement()
                .satisfies(x -> assertThat(x.reservations()).containsExactly(Reservation.staticFor("sales")));
        assertThat(r.toString()).isEqualTo("cpus(*):0.5;cpus(sales):4;mem(*):1024;ports(*):[31000-32000];zones(*):{a,b}");
    }

    @Test
    void parserCoalescesRangesAndRoundsScalarsToThreeDecimals() {
        Resources r = ResourceParser.parse("ports:[1-5,6-10, 20-30];cpus:0.12345");
        assertThat(r.items().get(1).ranges()).containsExactly(new Range(1, 10), new Range(20, 30));
        assertThat(r.scalarMillis("cpus")).isEqualTo(123);
    }

    @Test
    void defaultRoleAppliesToResourcesWithoutRole() {
        assertThat(ResourceParser.parse("cpus:2", "ads").allocatableTo("other").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cpus|Bad value for resources, missing or extra ':' in cpus",
        "cpus:1:2|Bad value for resources, missing or extra ':' in cpus:1:2",
        "cpus(ads:1|Bad value for resources, mismatched parentheses in cpus(ads:1",
        "cpus(/ads):1|Bad value for resources, invalid role in cpus(/ads):1: Role '/ads' cannot start with a slash",
        "cpus:-1|Bad value for resources, scalar must be finite and non-negative in cpus:-1",
        "cpus:abc|Bad value for resources, invalid scalar 'abc' in cpus:abc",
        "ports:[5-1]|Bad value for resources, range '5-1' has begin > end in ports:[5-1]",
        "ports:[1-5|Bad value for resources, expected ']' at the end of ranges in ports:[1-5",
        "cpus:1;cpus:[1-2]|Resources with the same name ('cpus') but different types are not allowed",
    })
    void parseErrorsNameTheOffendingToken(String text, String message) {
        assertThatThrownBy(() -> ResourceParser.parse(text))
                .isInstanceOf(ResourceParseException.class).hasMessage(message);
    }

    @Test
    void subtractingMoreThanPresentFailsInsteadOfGoingNegative() {
        Resources r = Resources.parse("cpus:1;ports:[1-10]");
        assertThatThrownBy(() -> r.minus(Resources.parse("cpus:2"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.minus(Resources.parse("ports:[5-11]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(r.minus(Resources.parse("ports:[3-4]")).toString()).isEqualTo("cpus(*):1;ports(*):[1-2,5-10]");
        assertThat(r.minus(r).isEmpty()).isTrue();
    }

    @Test
    void addingOverlappingRangesOrTheSameVolumeTwiceIsADoubleCount() {
        Resources ports = Resources.parse("ports:[1-10]");
        assertThatThrownBy(() -> ports.plus(Resources.parse("ports:[10-12]"))).hasMessageContaining("Double count");
        Resource volume = Resource.scalar("disk", 64).reserve(Reservation.staticFor("db"))
                .withVolume(new Volume("v1", "ops", "data", true));
        Resources one = Resources.of(volume);
        assertThatThrownBy(() -> one.plus(volume)).hasMessageContaining("Double count of persistent volume 'v1'");
        assertThat(Resources.parse("ports:[1-10]").plus(Resources.parse("ports:[11-12]")).toString())
                .isEqualTo("ports(*):[1-12]");
    }

    @Test
    void volumesAreIndivisibleAndOnlyGoToTheirRole() {
        Resource volume = Resource.scalar("disk", 64).reserve(Reservation.staticFor("db"))
                .withVolume(new Volume("v1", null, "data", true));
        Resources r = Resources.of(volume, Resource.scalar("disk", 100));
        assertThat(r.scalar("disk")).isEqualTo(164);
        assertThat(r.contains(Resources.of(Resource.scalar("disk", 32).reserve(Reservation.staticFor("db"))
                .withVolume(new Volume("v1", null, "data", true))))).isFalse();
        assertThat(r.allocatableTo("web").scalar("disk")).isEqualTo(100);
        assertThat(r.allocatableTo("db/child").scalar("disk")).isEqualTo(164);
        assertThat(r.minus(Resources.of(volume)).scalar("disk")).isEqualTo(100);
        assertThatThrownBy(() -> Resource.scalar("disk", 1).withVolume(new Volume("v", null, null, true)))
                .hasMessage("Persistent volumes can only be created on reserved resources");
    }

    @Test
    void reservationsFollowTheRefinementRulesAndRejectStar() {
        assertThatThrownBy(() -> Reservation.staticFor("*"))
                .hasMessage("Invalid reservation: role \"*\" cannot be reserved");
        Resource refined = Resource.scalar("cpus", 1).reserve(Reservation.staticFor("eng"))
                .reserve(Reservation.dynamic("eng/web", "ops", List.of()));
        assertThat(refined.role()).isEqualTo("eng/web");
        assertThat(refined.isAllocatableTo("eng")).isFalse();
        assertThat(refined.isAllocatableTo("eng/web/api")).isTrue();
        assertThatThrownBy(() -> Resource.scalar("cpus", 1).reserve(Reservation.staticFor("eng"))
                .reserve(Reservation.dynamic("ads", null, List.of())))
                .hasMessageStartingWith("Invalid refined reservation");
    }

    @Test
    void dynamicReservationsWithDifferentLabelsStaySeparate() {
        Resource a = Resource.scalar("cpus", 1).reserve(Reservation.dynamic("r", "p",
                List.of(new Reservation.Label("k", "1"))));
        Resource b = Resource.scalar("cpus", 1).reserve(Reservation.dynamic("r", "p",
                List.of(new Reservation.Label("k", "2"))));
        Resources r = Resources.of(a, b, a);
        assertThat(r.items()).hasSize(2);
        assertThat(r.scalar("cpus")).isEqualTo(3);
    }
}
