package io.drydock.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.drydock.allocator.sort.DrfSorter;
import io.drydock.allocator.sort.ScalarTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrfTest {

    private static List<String> order(DrfSorter<String> sorter) {
        List<String> out = new ArrayList<>();
        sorter.forEach(out::add);
        return out;
    }

    private static long[] cpus(long millis) {
        long[] v = new long[ScalarTotals.CAPACITY];
        v[0] = millis;
        return v;
    }

    @Test
    void sortsByShareThenAllocationCountThenName() {
        ScalarTotals totals = new ScalarTotals();
        totals.add(cpus(10_000), 1);
        DrfSorter<String> sorter = new DrfSorter<>(totals, true);
        for (String c : List.of("c", "b", "a")) {
            sorter.add(c, c);
            sorter.activate(c);
        }
        assertThat(order(sorter)).containsExactly("a", "b", "c");
        sorter.allocated("a", cpus(1000));
        sorter.allocated("b", cpus(500));
        sorter.allocated("b", cpus(500));
        assertThat(order(sorter)).as("equal share: fewer allocations first").containsExactly("c", "a", "b");
        sorter.updateWeight("b", 2.0);
        assertThat(order(sorter)).containsExactly("c", "b", "a");
        sorter.deactivate("c");
        assertThat(order(sorter)).containsExactly("b", "a");
    }

    @Test
    void hierarchicalRolesAreSortedAmongSiblingsAndListedDepthFirst() {
        ScalarTotals totals = new ScalarTotals();
        totals.add(cpus(100_000), 1);
        DrfSorter<String> sorter = new DrfSorter<>(totals, true);
        for (String c : List.of("eng/web", "eng/api", "ops", "eng")) {
            sorter.add(c, c);
            sorter.activate(c);
        }
        sorter.allocated("eng/web", cpus(10_000));
        sorter.allocated("ops", cpus(5_000));
        assertThat(order(sorter)).containsExactly("ops", "eng", "eng/api", "eng/web");
        assertThat(sorter.share("eng/web")).isEqualTo(0.1);
    }

    @Test
    void weightedDominantSharesConvergeToTheWeights() {
        Scenario s = new Scenario();
        for (int i = 0; i < 600; i++) {
            s.agent("a" + i, i % 2 == 0 ? "cpus:1;mem:256" : "cpus:0.25;mem:1024");
        }
        Map<String, Double> weights = Map.of("w1", 1.0, "w2", 2.0, "w3", 3.0);
        weights.keySet().forEach(r -> s.framework("f-" + r, r));
        s.allocator.updateWeights(weights);
        s.acceptAll(s.allocate());
        double unit = s.allocator.share("w1");
        assertThat(unit).isGreaterThan(0.1);
        for (var e : weights.entrySet()) {
            assertThat(s.allocator.share(e.getKey())).as(e.getKey()).isCloseTo(unit, within(0.01));
        }
    }

    @Test
    void frameworksOfOneRoleShareItFairly() {
        Scenario s = new Scenario();
        for (int i = 0; i < 90; i++) {
            s.agent("a" + i, "cpus:1;mem:128");
        }
        s.framework("f1", "r").framework("f2", "r").framework("f3", "r");
        Plan plan = s.allocate();
        for (String f : List.of("f1", "f2", "f3")) {
            assertThat(Scenario.offersTo(plan, f)).hasSize(30);
        }
    }
}
