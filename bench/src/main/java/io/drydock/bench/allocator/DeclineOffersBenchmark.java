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
 * Mesos {@code HierarchicalAllocator_BENCHMARK_Test/DeclineOffers}: frameworks in role {@code *};
 * agents {@code cpus:24;mem:4096;disk:4096;ports:[31000-32000]}, each with
 * {@code cpus:16;mem:2014;disk:1024} + 16 port fragments used by framework i % F. Every offer of a
 * round is declined with refuse_seconds = INT_MAX, then one allocation cycle is timed. Filters pile
 * up round after round; after 10 rounds (Mesos reports rounds 0-9) every framework revives, which
 * clears the filters, and the sequence restarts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeclineOffersBenchmark {

    @Param({"1000", "5000", "10000", "20000", "50000"})
    public int agents;

    @Param({"1000"})
    public int frameworks;

    private static final Resources TOTAL = Resources.parse("cpus:24;mem:4096;disk:4096;ports:[31000-32000]");
    private static final Resources USED = Resources.parse("cpus:16;mem:2014;disk:1024;" + Clusters.USED_PORTS);

    private Clusters.ManualClock clock;
    private Allocator allocator;
    private Plan last;
    private int round;

    @Setup(Level.Trial)
    public void cluster() {
        clock = new Clusters.ManualClock();
        allocator = Clusters.builder(clock).build();
        Clusters.addFrameworks(allocator, frameworks, "*");
        for (int i = 0; i < agents; i++) {
            Clusters.addAgent(allocator, i, agentTotal(i));
            allocator.addAllocation(FrameworkId.of("framework-" + (i % frameworks)), Clusters.agent(i), "*", used(i));
        }
    }

    /** Agent {@code i}'s total resources. */
    protected Resources agentTotal(int i) {
        return TOTAL;
    }

    /** The resources framework {@code i % F} uses on agent {@code i} from the start. */
    protected Resources used(int i) {
        return USED;
    }

    @Setup(Level.Invocation)
    public void declinePreviousRound() {
        if (last != null) {
            last.offers().forEach(o -> allocator.declineOffer(o.id(), Filters.refuseSeconds(Integer.MAX_VALUE)));
            if (++round == 10) {
                round = 0;
                for (int f = 0; f < frameworks; f++) {
                    allocator.reviveOffers(FrameworkId.of("framework-" + f), Set.of());
                }
            }
        }
        clock.advance(Duration.ofSeconds(1));
    }

    @Benchmark
    public Plan allocationCycle() {
        last = allocator.allocate();
        return last;
    }
}
