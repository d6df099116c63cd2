package io.drydock.bench.yarn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.ResourceRequest;
import org.apache.hadoop.yarn.server.resourcemanager.MockNodes;
import org.apache.hadoop.yarn.server.resourcemanager.MockRM;
import org.apache.hadoop.yarn.server.resourcemanager.RMContext;
import org.apache.hadoop.yarn.server.resourcemanager.placement.ApplicationPlacementContext;
import org.apache.hadoop.yarn.server.resourcemanager.rmnode.RMNode;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.AbstractYarnScheduler;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.Allocation;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.ContainerUpdates;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.event.AppAddedSchedulerEvent;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.event.AppAttemptAddedSchedulerEvent;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.event.NodeAddedSchedulerEvent;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.event.NodeUpdateSchedulerEvent;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.fair.FairScheduler;

/**
 * The YARN side of a {@link Workload}, in the same JVM: a {@link MockRM} with the FairScheduler (DRF
 * policy, one queue per role with its weight) or the CapacityScheduler (queues in weight mode,
 * dominant-resource calculator, elastic to 100 %), mock nodes, and one application per framework
 * asking for its whole demand as one {@code ANY} request of 1 cpu / 4 GB containers. Timed: node
 * heartbeats ({@code NodeUpdateSchedulerEvent}, handled synchronously by the scheduler) plus each
 * application's {@code allocate()} pulling its new containers, pass after pass.
 */
final class YarnRun {

    enum Kind { FAIR, CAPACITY }

    private static final ContainerUpdates NO_UPDATES = new ContainerUpdates();

    private final Kind kind;
    private final Workload w;
    private final long budgetNanos;
    private final MockRM rm;
    private final AbstractYarnScheduler<?, ?> scheduler;
    private final List<RMNode> nodes = new ArrayList<>();
    private final ApplicationAttemptId[] attempts;
    /** Containers held per application, for churn. */
    private final List<List<ContainerId>> held = new ArrayList<>();
    private int placedTotal;

    YarnRun(Kind kind, Workload w, long budgetSeconds) throws IOException {
        this.kind = kind;
        this.w = w;
        this.budgetNanos = budgetSeconds * 1_000_000_000L;
        Configuration conf = kind == Kind.FAIR ? YarnConfigs.fair(w) : YarnConfigs.capacity(w);
        rm = new MockRM(conf);
        YarnConfigs.quietLogs();
        rm.start();
        YarnConfigs.quietLogs();
        scheduler = (AbstractYarnScheduler<?, ?>) rm.getResourceScheduler();
        // Nodes are not put in the RM context: node events (container clean-up) then have no mock to fail on.
        RMContext context = rm.getRMContext();
        Resource node = Resource.newInstance(Workload.NODE_MEM_MB, Workload.NODE_CPUS);
        for (int i = 0; i < w.nodes(); i++) {
            // An IP literal (no DNS lookup per container token), told apart by port.
            RMNode n = MockNodes.newNodeInfo(i / 40, node, i, "127.0.0.1", 10_000 + i);
            scheduler.handle(new NodeAddedSchedulerEvent(n));
            nodes.add(n);
        }
        attempts = new ApplicationAttemptId[w.apps()];
        long clusterTimestamp = 1_767_225_600_000L;
        Resource task = Resource.newInstance(Workload.TASK_MEM_MB, 1);
        for (int a = 0; a < w.apps(); a++) {
            String queue = Workload.queue(Workload.queueOfApp(a));
            ApplicationId appId = ApplicationId.newInstance(clusterTimestamp, a + 1);
            attempts[a] = ApplicationAttemptId.newInstance(appId, 1);
            context.getRMApps().put(appId, YarnMocks.app(appId, attempts[a], queue, context));
            scheduler.handle(new AppAddedSchedulerEvent(appId, queue, "bench",
                    new ApplicationPlacementContext(queue, "root")));
            scheduler.handle(new AppAttemptAddedSchedulerEvent(attempts[a], false));
            List<ResourceRequest> ask = List.of(ResourceRequest.newInstance(Priority.newInstance(1),
                    ResourceRequest.ANY, task, w.demandPerApp()));
            scheduler.allocate(attempts[a], ask, Collections.emptyList(), Collections.emptyList(),
                    Collections.emptyList(), Collections.emptyList(), NO_UPDATES);
            held.add(new ArrayList<>());
        }
    }

    Result run() {
        try {
            settle();
            long t0 = System.nanoTime();
            int placed = fill(w.capacity(), t0);
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            long[] perQueue = new long[w.queues()];
            for (int a = 0; a < w.apps(); a++) {
                perQueue[Workload.queueOfApp(a)] += held.get(a).size();
            }
            // Up to 3 full passes (median); a pass cut by the budget is reported alone, with its node count.
            double[] passes = new double[3];
            int done = 0;
            int passNodes = w.nodes();
            while (done < passes.length) {
                long p0 = System.nanoTime();
                passNodes = heartbeatAll(p0 + budgetNanos);
                passes[done++] = (System.nanoTime() - p0) / 1e6;
                pullAll();
                if (passNodes < w.nodes()) {
                    break;
                }
            }
            double pass = passNodes < w.nodes() ? passes[done - 1] : median(passes, done);
            int churned = 0;
            double[] churnRates = new double[Workload.CHURN_ROUNDS];
            int rounds = 0;
            while (rounds < churnRates.length) {
                int count = (int) (placedTotal * Workload.CHURN);
                settle();
                long c0 = System.nanoTime();
                release(count, rounds);
                churned = fill(count, c0);
                churnRates[rounds++] = churned / ((System.nanoTime() - c0) / 1e9);
                if (System.nanoTime() - c0 >= budgetNanos) {
                    break; // cut by the budget: no further rounds
                }
            }
            return new Result(kind == Kind.FAIR ? "YARN Fair (DRF)" : "YARN Capacity", placed, placed / fillSeconds,
                    pass, passNodes, churned, median(churnRates, rounds), Result.spread(perQueue));
        } finally {
            rm.stop();
        }
    }

    /** Heartbeat passes plus pulls until {@code target} containers were placed, a pass places none, or the budget. */
    private int fill(int target, long start) {
        int placed = 0;
        while (placed < target && System.nanoTime() - start < budgetNanos) {
            heartbeatAll(start + budgetNanos);
            int n = pullAll();
            if (n == 0) {
                break;
            }
            placed += n;
        }
        return placed;
    }

    /**
     * The FairScheduler recomputes demands and fair shares in a background thread every 500 ms and
     * assigns nothing to a queue whose demand it has not seen yet; run that update once, untimed,
     * before a timed phase (a real RM has been running it all along).
     */
    private void settle() {
        if (scheduler instanceof FairScheduler) {
            ((FairScheduler) scheduler).update();
        }
    }

    /** A heartbeat from every node, stopping at {@code deadline} (nanoTime); returns the nodes reached. */
    private int heartbeatAll(long deadline) {
        int reached = 0;
        for (RMNode n : nodes) {
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            scheduler.handle(new NodeUpdateSchedulerEvent(n));
            reached++;
        }
        return reached;
    }

    private static double median(double[] values, int n) {
        double[] v = java.util.Arrays.copyOf(values, n);
        java.util.Arrays.sort(v);
        return v[n / 2];
    }

    private int pullAll() {
        int placed = 0;
        for (int a = 0; a < attempts.length; a++) {
            Allocation got = scheduler.allocate(attempts[a], Collections.emptyList(), Collections.emptyList(),
                    Collections.emptyList(), Collections.emptyList(), Collections.emptyList(), NO_UPDATES);
            for (Container c : got.getContainers()) {
                held.get(a).add(c.getId());
            }
            placed += got.getContainers().size();
        }
        placedTotal += placed;
        return placed;
    }

    /** Releases {@code count} random running containers (seeded), through each application's allocate(). */
    private void release(int count, int round) {
        SplittableRandom random = new SplittableRandom(Workload.SEED + round);
        List<ContainerId> ids = new ArrayList<>();
        List<Integer> apps = new ArrayList<>();
        for (int a = 0; a < attempts.length; a++) {
            for (ContainerId c : held.get(a)) {
                ids.add(c);
                apps.add(a);
            }
        }
        List<List<ContainerId>> toRelease = new ArrayList<>();
        for (int a = 0; a < attempts.length; a++) {
            toRelease.add(new ArrayList<>());
        }
        int left = ids.size();
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(left);
            ContainerId c = ids.get(pick);
            int a = apps.get(pick);
            ids.set(pick, ids.get(--left));
            apps.set(pick, apps.get(left));
            toRelease.get(a).add(c);
            held.get(a).remove(c);
        }
        for (int a = 0; a < attempts.length; a++) {
            if (!toRelease.get(a).isEmpty()) {
                scheduler.allocate(attempts[a], Collections.emptyList(), Collections.emptyList(), toRelease.get(a),
                        Collections.emptyList(), Collections.emptyList(), NO_UPDATES);
            }
        }
        placedTotal -= count;
    }
}
