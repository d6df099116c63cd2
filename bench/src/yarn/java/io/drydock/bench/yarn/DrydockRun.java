package io.drydock.bench.yarn;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.Allocator;
import io.drydock.allocator.Filters;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.FrameworkSpec;
import io.drydock.allocator.MachineId;
import io.drydock.allocator.Offer;
import io.drydock.allocator.Plan;
import io.drydock.allocator.resources.Resources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The Drydock side of a {@link Workload}: one allocator, one framework per application (role = its
 * queue, role weight = queue weight). A framework takes from each offer as many 1 cpu / 4 GB tasks as
 * fit and it still wants, accepts them, and the rest of the offer returns without a filter (a framework
 * that wants nothing more suppresses). Timed: {@code allocate()} plus the framework-side
 * accept/decline calls (the equivalent of YARN's heartbeats plus AM pulls).
 */
final class DrydockRun {

    private final Workload w;
    private final Allocator allocator;
    private final FrameworkId[] frameworkIds;
    private final String[] roles;
    private final Map<FrameworkId, Integer> frameworkIndex = new HashMap<>();
    private final Map<AgentId, Integer> agentIndex = new HashMap<>();
    private final AgentId[] agentIds;
    private final int[] wanted;
    private final Resources[] tasks = new Resources[Workload.NODE_CPUS + 1];
    /** Running tasks as (framework << 32 | agent), for churn. */
    private long[] running;
    private int runningCount;

    private final String name;

    /** {@code offerSlice}: {@link io.drydock.allocator.AllocatorBuilder#offerSlice}, null for Mesos's whole-agent offers. */
    DrydockRun(Workload w, String offerSlice) {
        this.w = w;
        this.name = offerSlice == null ? "Drydock (whole agents)" : "Drydock (slice " + offerSlice + ")";
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        allocator = Allocator.builder().clock(clock).seed(Workload.SEED).offerSlice(offerSlice).build();
        Map<String, Double> weights = new HashMap<>();
        for (int q = 0; q < w.queues(); q++) {
            weights.put(Workload.queue(q), (double) Workload.weight(q));
        }
        allocator.updateWeights(weights);
        frameworkIds = new FrameworkId[w.apps()];
        roles = new String[w.apps()];
        wanted = new int[w.apps()];
        for (int a = 0; a < w.apps(); a++) {
            frameworkIds[a] = FrameworkId.of("app-" + a);
            roles[a] = Workload.queue(Workload.queueOfApp(a));
            frameworkIndex.put(frameworkIds[a], a);
            wanted[a] = w.demandPerApp();
            allocator.addFramework(FrameworkSpec.of("app-" + a, roles[a]), true);
        }
        agentIds = new AgentId[w.nodes()];
        Resources node = Resources.parse("cpus:" + Workload.NODE_CPUS + ";mem:" + Workload.NODE_MEM_MB);
        for (int i = 0; i < w.nodes(); i++) {
            agentIds[i] = AgentId.of("node-" + i);
            agentIndex.put(agentIds[i], i);
            allocator.addAgent(agentIds[i], MachineId.of("node-" + i, "10.0." + (i >> 8) + "." + (i & 0xff)), node,
                    Map.of());
        }
        for (int n = 1; n <= Workload.NODE_CPUS; n++) {
            tasks[n] = Resources.parse("cpus:" + n + ";mem:" + n * Workload.TASK_MEM_MB);
        }
        running = new long[w.capacity()];
    }

    Result run() {
        long t0 = System.nanoTime();
        int placed = fill(w.capacity());
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        long[] perQueue = tasksPerQueue();
        double[] passes = new double[5];
        for (int i = 0; i < passes.length; i++) {
            long p0 = System.nanoTime();
            Plan plan = allocator.allocate();
            passes[i] = (System.nanoTime() - p0) / 1e6;
            handle(plan);
        }
        java.util.Arrays.sort(passes);
        int churned = 0;
        double[] churnRates = new double[Workload.CHURN_ROUNDS];
        for (int round = 0; round < churnRates.length; round++) {
            int count = (int) (runningCount * Workload.CHURN);
            long c0 = System.nanoTime();
            release(count, round);
            churned = fill(count);
            churnRates[round] = churned / ((System.nanoTime() - c0) / 1e9);
        }
        java.util.Arrays.sort(churnRates);
        return new Result(name, placed, placed / fillSeconds, passes[passes.length / 2], w.nodes(), churned,
                churnRates[churnRates.length / 2], Result.spread(perQueue));
    }

    /**
     * Allocation cycles until {@code target} tasks were placed or two cycles in a row place nothing (a
     * cycle can place nothing when its only offers went to frameworks that want no more, which then
     * suppress).
     */
    private int fill(int target) {
        int placed = 0;
        int idle = 0;
        while (placed < target && idle < 2) {
            int n = handle(allocator.allocate());
            idle = n == 0 ? idle + 1 : 0;
            placed += n;
        }
        return placed;
    }

    private int handle(Plan plan) {
        int placed = 0;
        for (Offer o : plan.offers()) {
            int f = frameworkIndex.get(o.frameworkId());
            long fit = Math.min(o.resources().scalarMillis("cpus") / 1000,
                    o.resources().scalarMillis("mem") / (1000L * Workload.TASK_MEM_MB));
            int n = (int) Math.min(fit, wanted[f]);
            if (n == 0) {
                allocator.declineOffer(o.id(), Filters.NONE);
                if (wanted[f] == 0) {
                    allocator.suppressOffers(o.frameworkId(), Set.of());
                }
                continue;
            }
            allocator.acceptOffer(o.id(), tasks[n], Filters.NONE);
            wanted[f] -= n;
            int agent = agentIndex.get(o.agentId());
            for (int i = 0; i < n; i++) {
                running[runningCount++] = (long) f << 32 | agent;
            }
            placed += n;
        }
        return placed;
    }

    /** Ends {@code count} random running tasks (seeded); demand left over from the fill replaces them. */
    private void release(int count, int round) {
        SplittableRandom random = new SplittableRandom(Workload.SEED + round);
        Map<Long, Integer> ended = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(runningCount);
            long task = running[pick];
            running[pick] = running[--runningCount];
            ended.merge(task, 1, Integer::sum);
        }
        ended.forEach((task, n) -> {
            int f = (int) (task >>> 32);
            allocator.recoverResources(frameworkIds[f], agentIds[(int) (long) task], roles[f], tasks[n], Filters.NONE);
        });
    }

    private long[] tasksPerQueue() {
        long[] out = new long[w.queues()];
        for (int i = 0; i < runningCount; i++) {
            out[Workload.queueOfApp((int) (running[i] >>> 32))]++;
        }
        return out;
    }
}
