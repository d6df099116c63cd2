package io.drydock.bench.yarn;

import java.util.ArrayList;
import java.util.List;

/**
 * Drydock's allocator against Apache Hadoop YARN's FairScheduler (DRF) and CapacityScheduler in the
 * same JVM, on identical clusters and demand ({@link Workload}). Usage (profile {@code yarn}):
 * {@code SideBySide [nodes:queues ...] [--budget seconds]}, default {@code 1000:10 5000:100 10000:1000}.
 * A YARN fill that exceeds the budget (default 120 s) stops early; its rate is over what it placed.
 */
public final class SideBySide {

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
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--budget")) {
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
            Result drydock = warmAndRun(() -> new DrydockRun(w).run());
            print(w, drydock, null);
            for (YarnRun.Kind kind : YarnRun.Kind.values()) {
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

    /** Drydock runs twice (JIT warm-up on a throw-away cluster first); YARN's fill is long enough to warm itself. */
    private static Result warmAndRun(Run run) throws Exception {
        run.run();
        System.gc();
        return run.run();
    }

    private static void print(Workload w, Result r, Result drydock) {
        String fillX = drydock == null ? "" : String.format("%.1f", drydock.fillPerSecond() / r.fillPerSecond());
        String churnX = drydock == null ? "" : String.format("%.1f", drydock.churnPerSecond() / r.churnPerSecond());
        System.out.printf("| %d | %d | %d | %s | %d | %.0f | %.2f | %d | %.0f | %.3f | %s | %s |%n", w.nodes(), w.queues(),
                w.apps(), r.scheduler(), r.placed(), r.fillPerSecond(), r.fullPassMillis(), r.churned(),
                r.churnPerSecond(), r.spread(), fillX, churnX);
        System.out.flush();
    }
}
