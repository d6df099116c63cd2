package io.drydock.bench.maintenance;

import java.util.List;

/** The scenario's tables, as in bench/README.md. */
final class Table {

  private Table() {}

  /** The table of one start's runs, as in bench/README.md. */
  static String of(MaintenanceScenario.Config config, MaintenanceScenario.Start start,
      List<MaintenanceScenario.Result> results) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%d agents: %d machines in %d windows of %d (rolling), %d spares; %d replicas "
            + "(declared minimum %d), at most %d per agent; %s%n%n", config.agents(), config.maintained(),
        config.windows(), config.machinesPerWindow(), config.spares(), config.replicas(), config.minReplicas(),
        config.maxPerAgent(), start.description));
    out.append("| run | affected replicas | migrations | migrations per affected replica | most moves of one "
        + "replica | launches | fewest replicas running | time below minimum | replica-seconds below minimum "
        + "| inverse offers declined | orphan tasks | run time |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (MaintenanceScenario.Result r : results) {
      out.append(row(r)).append('\n');
    }
    return out.toString();
  }

  static String row(MaintenanceScenario.Result r) {
    return String.format("| %s | %d | %d | %s | %d | %d | %d / %d%s | %.1f s | %.1f | %d | %d | %d s |",
        r.variant().label, r.affected(), r.migrations(),
        r.affected() == 0 ? "– (none affected)" : String.format("%.2f", r.perAffected()), r.maxMoves(), r.launches(),
        r.minRunning(), r.replicas(), r.minRunning() < r.minReplicas() ? " (below minimum " + r.minReplicas() + ")"
            : "", r.belowMinimum().toMillis() / 1000.0, r.missingReplicaSeconds(), r.declined(), r.orphans(),
        r.elapsed().toSeconds());
  }
}
