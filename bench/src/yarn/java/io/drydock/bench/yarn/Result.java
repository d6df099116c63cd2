package io.drydock.bench.yarn;

/**
 * What one scheduler achieved on one {@link Workload}: placements per second while filling the empty
 * cluster, the median cost (ms) of one scheduling pass over the full cluster, placements per second
 * re-placing 10 % churned tasks, and the spread of the per-queue share after the fill.
 */
record Result(String scheduler, int placed, double fillPerSecond, double fullPassMillis, int churned,
              double churnPerSecond, double spread) {

    /**
     * Spread of tasks per unit of weight across queues: (max - min) / mean. 0 is perfectly weighted
     * fair; 0.1 means the best-served queue got 10 % of the mean more than the worst-served one.
     */
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
