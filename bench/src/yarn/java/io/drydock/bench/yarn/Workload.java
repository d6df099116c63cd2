package io.drydock.bench.yarn;

/**
 * One row of the side-by-side: {@code nodes} identical nodes of 32 cpus / 128 GB, {@code queues}
 * weighted roles (= YARN queues, weight 1, 2, 3, 1, 2, 3 ...), {@link #APPS_PER_QUEUE} applications
 * (= frameworks) per queue, and demand at twice the cluster's capacity in 1 cpu / 4 GB tasks, spread
 * evenly over the applications.
 */
record Workload(int nodes, int queues) {

    static final int NODE_CPUS = 32;
    static final int NODE_MEM_MB = 128 * 1024;
    static final int TASK_MEM_MB = 4 * 1024;
    static final int APPS_PER_QUEUE = 10;
    static final double CHURN = 0.10;
    /** Churn is measured this many times (a fresh 10 % each time); the median rate is reported. */
    static final int CHURN_ROUNDS = 3;
    static final long SEED = 42;

    int apps() {
        return queues * APPS_PER_QUEUE;
    }

    /** Task slots in the cluster (every node holds 32 tasks of 1 cpu / 4 GB). */
    int capacity() {
        return nodes * NODE_CPUS;
    }

    /** Tasks each application asks for: twice the capacity over all applications. */
    int demandPerApp() {
        return (int) Math.ceil(2.0 * capacity() / apps());
    }

    static int weight(int queue) {
        return 1 + queue % 3;
    }

    static String queue(int q) {
        return "q" + q;
    }

    static int queueOfApp(int app) {
        return app % 1_000_000 / APPS_PER_QUEUE;
    }
}
