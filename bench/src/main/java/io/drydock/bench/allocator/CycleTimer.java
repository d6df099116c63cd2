package io.drydock.bench.allocator;

import io.drydock.allocator.Allocator;
import io.drydock.allocator.Filters;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.Offer;
import io.drydock.allocator.Plan;
import io.drydock.allocator.resources.Resources;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

/**
 * A companion to {@link DeclineOffersBenchmark} that prints, per allocation cycle, wall time, the
 * allocating thread's CPU time and its allocated bytes, so a run on a busy shared machine can be
 * told apart from the allocator's own cost. Usage:
 * {@code java -cp bench/target/benchmarks.jar io.drydock.bench.allocator.CycleTimer <agents> <frameworks> <rounds>}.
 */
public final class CycleTimer {

    private CycleTimer() {
    }

    public static void main(String[] args) {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int frameworks = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Clusters.ManualClock clock = new Clusters.ManualClock();
        Allocator allocator = Clusters.builder(clock).build();
        Clusters.addFrameworks(allocator, frameworks, "*");
        Resources total = Resources.parse("cpus:24;mem:4096;disk:4096;ports:[31000-32000]");
        Resources used = Resources.parse("cpus:16;mem:2014;disk:1024;" + Clusters.USED_PORTS);
        for (int i = 0; i < agents; i++) {
            Clusters.addAgent(allocator, i, total);
            allocator.addAllocation(FrameworkId.of("framework-" + (i % frameworks)), Clusters.agent(i), "*", used);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        long bytes = 0;
        for (int r = 0; r < rounds; r++) {
            clock.advance(Duration.ofSeconds(1));
            long c0 = threads.getCurrentThreadCpuTime();
            long a0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            Plan plan = allocator.allocate();
            wall[r] = (System.nanoTime() - t0) / 1e6;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            bytes = (threads.getCurrentThreadAllocatedBytes() - a0) / Math.max(1, plan.offers().size());
            for (Offer o : plan.offers()) {
                allocator.declineOffer(o.id(), Filters.refuseSeconds(Integer.MAX_VALUE));
            }
            if (r % 10 == 9) {
                for (int f = 0; f < frameworks; f++) {
                    allocator.reviveOffers(FrameworkId.of("framework-" + f), Set.of());
                }
            }
        }
        int skip = rounds / 3;
        double[] w = Arrays.copyOfRange(wall, skip, rounds);
        double[] c = Arrays.copyOfRange(cpu, skip, rounds);
        Arrays.sort(w);
        Arrays.sort(c);
        System.out.printf("agents=%d frameworks=%d rounds=%d (first %d discarded): wall median %.2f ms p90 %.2f ms;"
                + " cpu median %.2f ms min %.2f ms; %d B allocated per offer%n", agents, frameworks, rounds, skip,
                w[w.length / 2], w[(int) (w.length * 0.9)], c[c.length / 2], c[0], bytes);
    }
}
