package io.drydock.bench.allocator;

import io.drydock.allocator.Allocator;
import io.drydock.allocator.AllocatorBuilder;
import io.drydock.allocator.FrameworkSpec;
import io.drydock.allocator.Plan;
import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.resources.Resources;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mesos {@code BENCHMARK_HierarchicalAllocator_WithQuotaParam.LargeAndSmallQuota}: (small, large)
 * quota roles ∈ {(25,5), (250,50), (2500,500)}, one framework per role; agents = small/5 + large×5,
 * each {@code cpus:2;mem:2048;disk:2048}; small roles get (legacy) quota {@code cpus:1;mem:1024;disk:1024},
 * large {@code cpus:4;mem:4096;disk:4096}. {@link #firstCycle} times the first cycle on a fresh
 * cluster; {@link #secondCycle} times the following cycle, which must allocate nothing.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LargeAndSmallQuotaBenchmark {

    /** Cluster configuration shared by both measurements. */
    @State(Scope.Thread)
    public static class Config {
        @Param({"25,5", "250,50", "2500,500"})
        public String smallLarge;

        @Param({"DRF"})
        public AllocatorBuilder.SorterKind sorter;
    }

    /** A fresh cluster per invocation. */
    @State(Scope.Thread)
    public static class Fresh {
        Allocator allocator;

        @Setup(Level.Invocation)
        public void build(Config config) {
            allocator = LargeAndSmallQuotaBenchmark.build(config);
        }
    }

    /** A cluster after its first cycle. */
    @State(Scope.Thread)
    public static class AfterFirst {
        Allocator allocator;

        @Setup(Level.Invocation)
        public void build(Config config) {
            allocator = LargeAndSmallQuotaBenchmark.build(config);
            Plan first = allocator.allocate();
            int expected = expectedOffers(config);
            if (first.offers().size() < expected) {
                throw new IllegalStateException("first cycle made " + first.offers().size() + " offers, expected "
                        + expected);
            }
        }
    }

    static int expectedOffers(Config config) {
        String[] p = config.smallLarge.split(",");
        return Integer.parseInt(p[0]) + Integer.parseInt(p[1]);
    }

    static Allocator build(Config config) {
        String[] p = config.smallLarge.split(",");
        int small = Integer.parseInt(p[0]);
        int large = Integer.parseInt(p[1]);
        Clusters.ManualClock clock = new Clusters.ManualClock();
        Allocator allocator = Clusters.builder(clock).roleSorter(config.sorter).build();
        int agents = small / 5 + large * 5;
        Resources total = Resources.parse("cpus:2;mem:2048;disk:2048");
        for (int i = 0; i < agents; i++) {
            Clusters.addAgent(allocator, i, total);
        }
        for (int i = 0; i < small + large; i++) {
            boolean isSmall = i < small;
            String role = (isSmall ? "small-" : "large-") + i;
            allocator.updateQuota(role, Quota.legacy(isSmall ? "cpus:1;mem:1024;disk:1024" : "cpus:4;mem:4096;disk:4096"));
            allocator.addFramework(FrameworkSpec.of("framework-" + i, role), true);
        }
        clock.advance(Duration.ofSeconds(1));
        return allocator;
    }

    @Benchmark
    public Plan firstCycle(Fresh state) {
        return state.allocator.allocate();
    }

    @Benchmark
    public Plan secondCycle(AfterFirst state) {
        Plan plan = state.allocator.allocate();
        if (!plan.offers().isEmpty()) {
            throw new IllegalStateException("second cycle made " + plan.offers().size() + " offers");
        }
        return plan;
    }
}
