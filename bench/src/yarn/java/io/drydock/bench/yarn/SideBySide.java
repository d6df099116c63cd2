package io.drydock.bench.yarn;

import java.util.ArrayList;
import java.util.List;

/**
 * Drydock's allocator against Apache Hadoop YARN's FairScheduler (DRF) and CapacityScheduler in the
 * same JVM, on identical clusters and demand ({@link Workload}). Usage (profile {@code yarn}):
 * {@code SideBySide [nodes:queues ...] [--budget seconds] [--drydock-only]}, default {@code 1000:10 5000:100 10000:1000}.
 * Drydock runs twice: with Mesos's whole-agent offers and with the offer slice {@link #SLICE}; the ×
 * columns compare YARN with the sliced run. Every YARN phase (the fill, each full pass, each churn
 * round) stops at the budget (default 120 s), checked per node heartbeat; rates are then over what it
 * placed, and a cut full pass is reported with the number of nodes it reached.
 */
public final class SideBySide {

    /** Drydock's offer slice for the comparison: one task (the × columns compare against this run). */
    static final String SLICE = "cpus:1;mem:4096";

    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        YarnConfigs.quietLogs();
        try {
            table(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(0); // the mock RMs leave non-daemon threads behind
        }
    }

    private static void table(String[] args) throws Exception {
        List<Workload> rows = new ArrayList<>();
        long budget = 120;
        boolean withYarn = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--drydock-only")) {
                withYarn = false;
            } else if (args[i].equals("--budget")) {
                budget = Long.parseLong(args[++i]);
            } else {
                String[] p = args[i].split(":");
                rows.add(new Workload(Integer.parseInt(p[0]), Integer.parseInt(p[1])));
            }
        }
        if (rows.isEmpty()) {
            rows = List.of(new Workload(1000, 10), new Workload(5000, 100), new Workload(10000, 1000));
        }
        System.out.println("| nodes | queues | apps | scheduler | placed | fill placements/s | full pass ms"
                + " | churn placed | churn placements/s | share spread | fill × | churn × |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Workload w : rows) {
            print(w, warmAndRun(() -> new DrydockRun(w, null).run()), null);
            Result drydock = warmAndRun(() -> new DrydockRun(w, SLICE).run());
            print(w, drydock, null);
            for (YarnRun.Kind kind : withYarn ? YarnRun.Kind.values() : new YarnRun.Kind[0]) {
                final long b = budget;
                Result yarn = new YarnRun(kind, w, b).run();
                print(w, yarn, drydock);
                System.gc();
            }
        }
    }

    private interface Run {
        Result run() throws Exception;
    }

    /**
     * Drydock: 2 throw-away runs (JIT warm-up), then the median of 5 fresh runs per metric (a Drydock fill
     * takes well under a second, so one GC pause or a busy neighbour would swing a single run); YARN's
     * phases are long enough to warm themselves and run once.
     */
    private static Result warmAndRun(Run run) throws Exception {
        for (int i = 0; i < 2; i++) {
            run.run();
            System.gc();
        }
        List<Result> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(run.run());
            System.gc();
        }
        return Result.median(runs);
    }

    private static void print(Workload w, Result r, Result drydock) {
        String fillX = drydock == null ? "" : String.format("%.1f", drydock.fillPerSecond() / r.fillPerSecond());
        String churnX = drydock == null ? "" : String.format("%.1f", drydock.churnPerSecond() / r.churnPerSecond());
        String pass = String.format("%.2f", r.fullPassMillis())
                + (r.passNodes() < w.nodes() ? " (cut at " + r.passNodes() + " nodes)" : "");
        System.out.printf("| %d | %d | %d | %s | %d | %.0f | %s | %d | %.0f | %.4f | %s | %s |%n", w.nodes(), w.queues(),
                w.apps(), r.scheduler(), r.placed(), r.fillPerSecond(), pass, r.churned(),
                r.churnPerSecond(), r.spread(), fillX, churnX);
        System.out.flush();
    }
}
