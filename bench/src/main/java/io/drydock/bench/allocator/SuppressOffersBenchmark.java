package io.drydock.bench.allocator;

import io.drydock.allocator.Allocator;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.Filters;
import io.drydock.allocator.Plan;
import io.drydock.allocator.resources.Resources;
import java.time.Duration;
import java.util.Set;
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
 * Mesos {@code SuppressOffers}: agents {@code cpus:24;mem:4096;disk:4096;ports:[31000-32000]} with
 * {@code cpus:16;mem:1024;disk:1024} + 16 port fragments used; 5 rounds, each suppressing another
 * F/5 frameworks and recovering the previous offers without filters, then one timed cycle. After the
 * 5th round all frameworks revive and the sequence restarts. With {@code -p extreme=true}, Mesos
 * {@code ExtremeSuppressOffers}: 99 % of the frameworks suppress up front and stay suppressed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SuppressOffersBenchmark {

    @Param({"10000"})
    public int agents;

    @Param({"1000"})
    public int frameworks;

    /** ExtremeSuppressOffers: 99 % of the frameworks suppress up front and stay suppressed; 5 rounds. */
    @Param({"false"})
    public boolean extreme;

    private Clusters.ManualClock clock;
    private Allocator allocator;
    private Plan last;
    private int round;

    @Setup(Level.Trial)
    public void cluster() {
        clock = new Clusters.ManualClock();
        allocator = Clusters.builder(clock).build();
        Clusters.addFrameworks(allocator, frameworks, "*");
        Resources total = Resources.parse("cpus:24;mem:4096;disk:4096;ports:[31000-32000]");
        Resources used = Resources.parse("cpus:16;mem:1024;disk:1024;" + Clusters.USED_PORTS);
        for (int i = 0; i < agents; i++) {
            Clusters.addAgent(allocator, i, total);
            allocator.addAllocation(FrameworkId.of("framework-" + (i % frameworks)), Clusters.agent(i), "*", used);
        }
        if (extreme) {
            for (int f = 0; f < frameworks * 99 / 100; f++) {
                allocator.suppressOffers(FrameworkId.of("framework-" + f), Set.of());
            }
        }
    }

    @Setup(Level.Invocation)
    public void suppressMore() {
        if (last != null) {
            last.offers().forEach(o -> allocator.declineOffer(o.id(), Filters.NONE));
        }
        if (extreme) {
            clock.advance(Duration.ofSeconds(1));
            return;
        }
        if (round == 5) {
            round = 0;
            for (int f = 0; f < frameworks; f++) {
                allocator.reviveOffers(FrameworkId.of("framework-" + f), Set.of());
            }
        }
        int from = round * frameworks / 5;
        int to = (round + 1) * frameworks / 5;
        for (int f = from; f < to; f++) {
            allocator.suppressOffers(FrameworkId.of("framework-" + f), Set.of());
        }
        round++;
        clock.advance(Duration.ofSeconds(1));
    }

    @Benchmark
    public Plan allocationCycle() {
        last = allocator.allocate();
        return last;
    }
}
