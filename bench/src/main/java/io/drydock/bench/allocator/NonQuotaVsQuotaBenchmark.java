package io.drydock.bench.allocator;

import io.drydock.allocator.Allocator;
import io.drydock.allocator.AllocatorBuilder;
import io.drydock.allocator.FrameworkSpec;
import io.drydock.allocator.Plan;
import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.resources.Resources;
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
 * Mesos {@code BENCHMARK_HierarchicalAllocator_WithNonQuotaVsQuotaParam.NonQuotaVsQuota}: R roles, two
 * agents {@code cpus:2;mem:2048;disk:2048} and two frameworks per role; with quota, each role is
 * guaranteed exactly its two agents' worth ({@code cpus:4;mem:4096;disk:4096}). One operation is the
 * first allocation cycle on a fresh cluster (built untimed before each), which must offer every agent
 * (checked).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NonQuotaVsQuotaBenchmark {

    @Param({"10", "100", "1000"})
    public int roles;

    @Param({"false", "true"})
    public boolean quota;

    @Param({"DRF"})
    public AllocatorBuilder.SorterKind sorter;

    private Allocator allocator;

    @Setup(Level.Invocation)
    public void cluster() {
        allocator = Clusters.builder(new Clusters.ManualClock()).roleSorter(sorter).build();
        Resources agent = Resources.parse("cpus:2;mem:2048;disk:2048");
        for (int r = 0; r < roles; r++) {
            String role = "role" + r;
            if (quota) {
                allocator.updateQuota(role, Quota.legacy("cpus:4;mem:4096;disk:4096"));
            }
            for (int f = 0; f < 2; f++) {
                allocator.addFramework(FrameworkSpec.of("framework-" + r + "-" + f, role), true);
            }
        }
        for (int i = 0; i < 2 * roles; i++) {
            Clusters.addAgent(allocator, i, agent);
        }
    }

    @Benchmark
    public Plan firstCycle() {
        Plan plan = allocator.allocate();
        if (plan.offers().size() != 2 * roles) {
            throw new IllegalStateException("Expected " + 2 * roles + " offers, got " + plan.offers().size());
        }
        return plan;
    }
}
