package io.drydock.bench.allocator;

import io.drydock.allocator.Allocator;
import io.drydock.allocator.Filters;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.FrameworkSpec;
import io.drydock.allocator.Offer;
import io.drydock.allocator.Plan;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mesos {@code BENCHMARK_HierarchicalAllocations.MultiFrameworkAllocations}: 80 agents
 * {@code cpus:64;mem:488000}; 4 "Marathon" frameworks (roles roleA-1..4, 4000 tasks of
 * {@code cpus:0.07;mem:400}, at most 100 per offer); 500 "Jenkins" frameworks (role roleB, 5 tasks of
 * {@code cpus:0.1;mem:4000}, 1 per offer); 50 "SparkDispatcher" frameworks (roles roleC-1..50, 20
 * tasks of {@code cpus:1;mem:1000}, 5 per offer). One operation = allocation cycles until every task
 * is launched (unused offer parts are declined without filter; finished frameworks suppress).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MultiFrameworkAllocationsBenchmark {

    private record Kind(int tasks, double cpus, double mem, int perOffer) {
    }

    private Clusters.ManualClock clock;
    private Allocator allocator;
    private final Map<FrameworkId, Kind> kinds = new HashMap<>();
    private final Map<FrameworkId, Integer> remaining = new HashMap<>();
    int cycles;

    @Setup(Level.Invocation)
    public void cluster() {
        clock = new Clusters.ManualClock();
        allocator = Clusters.builder(clock).build();
        kinds.clear();
        remaining.clear();
        for (int i = 0; i < 80; i++) {
            Clusters.addAgent(allocator, i, Resources.parse("cpus:64;mem:488000"));
        }
        for (int i = 1; i <= 4; i++) {
            add("marathon-" + i, "roleA-" + i, new Kind(4000, 0.07, 400, 100));
        }
        for (int i = 1; i <= 500; i++) {
            add("jenkins-" + i, "roleB", new Kind(5, 0.1, 4000, 1));
        }
        for (int i = 1; i <= 50; i++) {
            add("spark-" + i, "roleC-" + i, new Kind(20, 1, 1000, 5));
        }
    }

    private void add(String id, String role, Kind kind) {
        FrameworkId fid = FrameworkId.of(id);
        allocator.addFramework(FrameworkSpec.of(id, role), true);
        kinds.put(fid, kind);
        remaining.put(fid, kind.tasks());
    }

    @Benchmark
    public int launchAllTasks() {
        int left = remaining.values().stream().mapToInt(Integer::intValue).sum();
        cycles = 0;
        while (left > 0 && cycles < 1000) {
            Plan plan = allocator.allocate();
            cycles++;
            for (Offer o : plan.offers()) {
                left -= launch(o);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        if (left > 0) {
            throw new IllegalStateException(left + " tasks not launched after " + cycles + " cycles");
        }
        return cycles;
    }

    private int launch(Offer o) {
        Kind k = kinds.get(o.frameworkId());
        int want = remaining.get(o.frameworkId());
        long cpuMillis = Math.round(k.cpus() * 1000);
        long memMillis = Math.round(k.mem() * 1000);
        long fit = Math.min(o.resources().unreserved().scalarMillis("cpus") / cpuMillis,
                o.resources().unreserved().scalarMillis("mem") / memMillis);
        int n = (int) Math.min(Math.min(fit, k.perOffer()), want);
        if (n == 0) {
            allocator.declineOffer(o.id(), Filters.NONE);
            return 0;
        }
        Resources used = Resources.of(Resource.scalar("cpus", 0).withScalar(cpuMillis * n),
                Resource.scalar("mem", 0).withScalar(memMillis * n));
        allocator.acceptOffer(o.id(), used, Filters.NONE);
        remaining.put(o.frameworkId(), want - n);
        if (want == n) {
            allocator.suppressOffers(o.frameworkId(), Set.of());
        }
        return n;
    }
}
