package io.drydock.bench.yarn;

/**
 * What one scheduler achieved on one {@link Workload}: placements per second while filling the empty
 * cluster, the median cost (ms) of one scheduling pass over the full cluster ({@code passNodes} is the
 * number of nodes the pass reached: fewer than all when a budget cut it short), placements per second
 * re-placing 10 % churned tasks, and the spread of the per-queue share after the fill.
 */
record Result(String scheduler, int placed, double fillPerSecond, double fullPassMillis, int passNodes, int churned,
              double churnPerSecond, double spread) {

    /**
     * Spread of tasks per unit of weight across queues: (max - min) / mean. 0 is perfectly weighted
     * fair; 0.1 means the best-served queue got 10 % of the mean more than the worst-served one.
     */
    /** Per-metric medians of runs of the same deterministic workload (counts and spread from the first). */
    static Result median(java.util.List<Result> runs) {
        Result first = runs.get(0);
        return new Result(first.scheduler(), first.placed(), median(runs, Result::fillPerSecond),
                median(runs, Result::fullPassMillis), first.passNodes(), first.churned(),
                median(runs, Result::churnPerSecond), first.spread());
    }

    private static double median(java.util.List<Result> runs, java.util.function.ToDoubleFunction<Result> metric) {
        double[] v = runs.stream().mapToDouble(metric).sorted().toArray();
        return v[v.length / 2];
    }

    static double spread(long[] tasksPerQueue) {
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        for (int q = 0; q < tasksPerQueue.length; q++) {
            double perWeight = (double) tasksPerQueue[q] / Workload.weight(q);
            min = Math.min(min, perWeight);
            max = Math.max(max, perWeight);
            sum += perWeight;
        }
        return (max - min) / (sum / tasksPerQueue.length);
    }
}
