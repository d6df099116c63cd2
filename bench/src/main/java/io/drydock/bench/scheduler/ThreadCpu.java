package io.drydock.bench.scheduler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * CPU time of this JVM's threads over a window, grouped by thread name (numbers at the end of a name
 * dropped, so a pool's threads add up). The whole suite runs in the harness's JVM, so this splits the
 * suite's CPU between its parts; PostgreSQL runs in its own processes and is not included.
 */
final class ThreadCpu {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final UnaryOperator<String> naming;
  private Map<Long, Long> start = Map.of();
  private long startNanos;
  private long startCompileMillis;
  private long startGcMillis;

  /** @param naming renames a group (e.g. a Tomcat pool by its port to its service) */
  ThreadCpu(UnaryOperator<String> naming) {
    this.naming = naming;
  }

  void start() {
    start = snapshot();
    startNanos = System.nanoTime();
    startCompileMillis = compileMillis();
    startGcMillis = gcMillis();
  }

  /** Milliseconds the JIT compilers have spent since the JVM started (0 when not monitored). */
  static long compileMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
  }

  /** Cores used per group since {@link #start()}, most first, groups under 0.5 % of a core left out. */
  String report() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Map<String, Long> groups = new HashMap<>();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long now = threads.getThreadCpuTime(info.getThreadId());
      if (now < 0) {
        continue;
      }
      long used = now - start.getOrDefault(info.getThreadId(), 0L);
      total += used;
      groups.merge(naming.apply(info.getThreadName().replaceAll("[-#]?\\d+$", "")), used, Long::sum);
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    StringBuilder out = new StringBuilder(String.format(
        "JVM threads used %.2f cores over %.0f s; besides them, JIT compilation %.0f ms/s and GC pauses %.0f ms/s:%n",
        total / 1e9 / seconds, seconds, (compileMillis() - startCompileMillis) / seconds,
        (gcMillis() - startGcMillis) / seconds));
    sorted.forEach((name, nanos) -> {
      double cores = nanos / 1e9 / seconds;
      if (cores >= 0.005) {
        out.append(String.format("  %5.3f  %s%n", cores, name));
      }
    });
    return out.toString();
  }

  private Map<Long, Long> snapshot() {
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long nanos = threads.getThreadCpuTime(id);
      if (nanos >= 0) {
        cpu.put(id, nanos);
      }
    }
    return cpu;
  }
}
