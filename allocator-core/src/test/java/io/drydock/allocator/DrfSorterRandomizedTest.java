package io.drydock.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.allocator.sort.DrfSorter;
import io.drydock.allocator.sort.ScalarTotals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The incremental DRF sorter (re-positioning in its key arrays) against a from-scratch sort of the
 * same clients after every change: share, then allocation count, then name (seeded, many ties).
 */
class DrfSorterRandomizedTest {

    @Test
    void incrementalOrderEqualsAFreshSortAfterEveryChange() {
        for (long seed = 1; seed <= 20; seed++) {
            check(seed, 30, 400, false);
        }
    }

    /**
     * Many clients, allocations mostly to the first in order (the DRF pattern: it moves from the front
     * to the back), so the key arrays' window drifts, is re-centred and grows.
     */
    @Test
    void incrementalOrderHoldsWhenTheFirstClientKeepsMovingToTheBack() {
        for (long seed = 1; seed <= 4; seed++) {
            check(seed, 300, 1500, true);
        }
    }

    private static void check(long seed, int clients, int steps, boolean allocateToFirst) {
        SplittableRandom random = new SplittableRandom(seed);
        ScalarTotals totals = new ScalarTotals();
        totals.add(vector(100_000, 400_000), 1);
        DrfSorter<String> sorter = new DrfSorter<>(totals, false);
        Map<String, long[]> alloc = new HashMap<>();
        Map<String, Long> count = new HashMap<>();
        Map<String, Boolean> active = new HashMap<>();
        Map<String, Double> weight = new HashMap<>();
        List<String> actual = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            int op = random.nextInt(10);
            String c = "c" + random.nextInt(clients);
            if (allocateToFirst && op < 5 && !actual.isEmpty() && random.nextInt(4) > 0) {
                c = actual.get(0);
            } else if (allocateToFirst && op >= 6 && op < 8) {
                // Mostly activations, so that most clients are live.
                op = random.nextInt(5) == 0 ? op : 11;
            } else if (allocateToFirst && op >= 8 && random.nextInt(10) > 0) {
                // Rarely a full re-sort (weights, totals), so the incremental path does most of the work.
                op = 0;
            }
            if (!alloc.containsKey(c)) {
                sorter.add(c, c);
                alloc.put(c, new long[ScalarTotals.CAPACITY]);
                count.put(c, 0L);
                active.put(c, false);
                weight.put(c, 1.0);
            } else if (op < 5) {
                // Small, repeated amounts so that shares and counts tie often.
                long[] v = vector(1000L * random.nextInt(3), 4000L * random.nextInt(3));
                sorter.allocated(c, v);
                add(alloc.get(c), v, 1);
                count.merge(c, 1L, Long::sum);
            } else if (op < 6) {
                long[] v = vector(1000L * random.nextInt(2), 0);
                sorter.unallocated(c, v);
                add(alloc.get(c), v, -1);
            } else if (op < 8 || op == 11) {
                boolean on = op == 11 || random.nextBoolean();
                if (on) {
                    sorter.activate(c);
                } else {
                    sorter.deactivate(c);
                }
                active.put(c, on);
            } else if (op < 9) {
                double w = 1 + random.nextInt(3);
                sorter.updateWeight(c, w);
                weight.put(c, w);
            } else {
                totals.add(vector(1000, 4000), 1);
            }
            List<String> expected = new ArrayList<>();
            active.forEach((k, on) -> {
                if (on) {
                    expected.add(k);
                }
            });
            Map<String, Double> share = new HashMap<>();
            for (String k : expected) {
                long[] a = alloc.get(k);
                double s = Math.max((double) a[0] / totals.total(0), (double) a[1] / totals.total(1));
                share.put(k, s / weight.get(k));
            }
            expected.sort(Comparator.comparing((String k) -> share.get(k)).thenComparing(count::get)
                    .thenComparing(k -> k));
            actual.clear();
            sorter.forEach(actual::add);
            assertThat(actual).as("seed %d step %d", seed, step).isEqualTo(expected);
        }
    }

    private static long[] vector(long cpus, long mem) {
        long[] v = new long[ScalarTotals.CAPACITY];
        v[0] = cpus;
        v[1] = mem;
        return v;
    }

    private static void add(long[] into, long[] v, int sign) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.max(0, into[i] + sign * v[i]);
        }
    }
}
