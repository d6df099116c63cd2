package io.drydock.bench.scheduler;

import io.drydock.events.OfferEvent;
import io.drydock.events.Resource;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.sdk.DrydockSchedulerDriver;
import io.drydock.sdk.Scheduler;
import io.drydock.sdk.SchedulerDriver;
import io.drydock.sdk.SchedulerOptions;
import io.drydock.sdk.TaskSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Offer latency: resources freed → the OfferEvent consumed by the framework (in its callback), through the
 * real suite (embedded PostgreSQL and Kafka, master, simulated agents), one framework, loopback only.
 *
 * <p>Three ways resources are freed, measured at once on different agents:
 * <ul>
 *   <li><b>task finished</b> (even-numbered agents): every offer is taken whole by one simulated task that
 *       runs {@code taskSeconds}; freed = the TASK_FINISHED status's timestamp (the agent's clock, this JVM);
 *   <li><b>decline</b> (odd-numbered agents): every offer is declined with {@code refuse_seconds = 0}; freed =
 *       just before the DECLINE call is sent;
 *   <li><b>agent registered</b>: after the window, a second agent-service registers {@code lateAgents} more
 *       agents; freed = the agent's {@code registered_at} in the master's registry.
 * </ul>
 * Mesos re-offers freed resources at the next allocation run (a finished task or a decline does not trigger
 * one; a new agent does), so the first two are spread over one interval: the table gives them minus the
 * interval. Driver calls go through an executor so the event thread only timestamps. A decline's latency is
 * also split with an {@link OfferTap} (when the actor published the offer, when a plain consumer got it), and
 * the tap gives the period between the allocation runs.
 *
 * <pre>
 * ./mvnw -B -ntp -q -f bench/pom.xml compile exec:java -Dexec.classpathScope=compile \
 *   -Dexec.mainClass=io.drydock.bench.scheduler.OfferLatencyHarness -Dexec.args="1000,100 30"
 * </pre>
 * Arguments: allocation intervals in ms (comma-separated, one fresh suite each), window seconds (30),
 * agents (20), task seconds (1), late agents (20), warm-up seconds (5). It also prints the CPU its threads, the
 * JIT compilers and GC pauses took in the window.
 */
public final class OfferLatencyHarness {

  private OfferLatencyHarness() {}

  public static void main(String[] args) throws Exception {
    String[] intervals = (args.length > 0 ? args[0] : "1000,100").split(",");
    int window = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int agents = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    double taskSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 1;
    int lateAgents = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5;
    List<String> rows = new ArrayList<>();
    for (String interval : intervals) {
      rows.addAll(run(Long.parseLong(interval.trim()), window, agents, taskSeconds, lateAgents, warmup));
      rows.forEach(System.out::println);
    }
    System.out.println();
    System.out.println("| interval | freed by | samples | p50 | p99 | max | p50 − interval | p99 − interval |");
    System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
    System.exit(0);
  }

  static List<String> run(long intervalMs, int windowSeconds, int agents, double taskSeconds, int lateAgents,
      int warmupSeconds) throws Exception {
    System.out.println("== interval " + intervalMs + " ms, load " + BenchSuite.load());
    try (BenchSuite suite = BenchSuite.start(agents,
        "--drydock.master.allocation.interval=" + intervalMs + "ms",
        "--drydock.agent.simulated.resources=cpus:2;mem:4096;disk:1024")) {
      Probe probe = new Probe(taskSeconds);
      DrydockSchedulerDriver driver = new DrydockSchedulerDriver(
          SchedulerOptions.of(suite.masterUrl(), suite.kafka(), "offer-latency")
              .withCredentials("operator", suite.secret), probe);
      driver.start();
      OfferTap tap = new OfferTap(suite.kafka());
      try {
        Thread.sleep(warmupSeconds * 1000L); // warm-up: the first offers and task cycles, the JIT's first rush
        probe.measuring = true;
        String loadBefore = BenchSuite.load();
        ThreadCpu cpu = new ThreadCpu(name -> name);
        cpu.start();
        Instant windowStart = Instant.now();
        Thread.sleep(windowSeconds * 1000L);
        probe.measuring = false;
        Instant windowEnd = Instant.now();
        System.out.println("window load: " + loadBefore + " → " + BenchSuite.load());
        System.out.print(cpu.report());

        Instant lateStart = Instant.now();
        suite.startAgentService(lateAgents, "late-agent-", "cpus:2;mem:4096;disk:1024");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (probe.lateOffers.size() < lateAgents && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        List<Double> registered = new ArrayList<>();
        try (Connection db = suite.jdbc(); PreparedStatement q = db.prepareStatement(
            "select id, registered_at from master.agent where hostname like 'late-agent-%'")) {
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              Instant offered = probe.lateOffers.get(rs.getString(1));
              if (offered != null) {
                Instant at = rs.getTimestamp(2).toInstant();
                registered.add(Duration.between(at, offered).toNanos() / 1e6);
              }
            }
          }
        }
        System.out.println("late agents: context up " + Duration.between(lateStart, Instant.now()).toMillis()
            + " ms after start, offers from " + probe.lateOffers.size());
        List<String> rows = new ArrayList<>();
        rows.add(row(intervalMs, "task finished (TASK_FINISHED timestamp)", probe.finished, intervalMs));
        rows.add(row(intervalMs, "(task finished → its TASK_FINISHED consumed)", probe.finishedSeen, 0));
        rows.add(row(intervalMs, "decline, refuse_seconds 0", probe.declined, intervalMs));
        List<Double> waited = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        List<Double> kafka = new ArrayList<>();
        List<Double> sdk = new ArrayList<>();
        for (Probe.Split split : probe.declineSplits()) {
          Instant published = tap.published(split.offerId());
          Instant received = tap.received(split.offerId());
          if (published != null) {
            waited.add(Duration.between(split.freed(), published).toNanos() / 1e6);
            delivered.add(Duration.between(published, split.consumed()).toNanos() / 1e6);
            kafka.add(Duration.between(published, received).toNanos() / 1e6);
            sdk.add(Duration.between(received, split.consumed()).toNanos() / 1e6);
          }
        }
        rows.add(row(intervalMs, "(decline: freed → offer published by the allocation actor)", waited, intervalMs));
        rows.add(row(intervalMs, "(decline: offer published → consumed: Kafka and the SDK)", delivered, 0));
        rows.add(row(intervalMs, "(decline: offer published → a plain consumer got it)", kafka, 0));
        rows.add(row(intervalMs, "(decline: plain consumer got it → SDK callback)", sdk, 0));
        rows.add(row(intervalMs, "(period between allocation runs that published offers)",
            tap.runGaps(windowStart, windowEnd, Math.min(50, intervalMs / 4)), intervalMs));
        rows.add(row(intervalMs, "agent registered (registered_at)", registered, 0) + " (triggers a run)");
        System.out.println("calls: " + probe.launches.get() + " launches, " + probe.declines.get() + " declines");
        return rows;
      } finally {
        tap.close();
        driver.stop();
        probe.calls.shutdownNow();
      }
    }
  }

  static String row(long intervalMs, String what, List<Double> samples, long subtract) {
    double[] sorted;
    synchronized (samples) {
      sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
    double p50 = BenchSuite.quantile(sorted, 0.5);
    double p99 = BenchSuite.quantile(sorted, 0.99);
    double max = sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    return String.format("| %d ms | %s | %d | %.1f | %.1f | %.1f | %s | %s |", intervalMs, what, sorted.length,
        p50, p99, max, subtract == 0 ? "—" : String.format("%.1f", p50 - subtract),
        subtract == 0 ? "—" : String.format("%.1f", p99 - subtract));
  }

  /** The framework: timestamps each offer in its callback, acts on an executor. */
  static final class Probe implements Scheduler {
    final ExecutorService calls = Executors.newFixedThreadPool(4);
    final List<Double> finished = new ArrayList<>();
    final List<Double> declined = new ArrayList<>();
    final List<Double> finishedSeen = new ArrayList<>();
    final Map<String, Instant> lateOffers = new ConcurrentHashMap<>();
    final AtomicInteger launches = new AtomicInteger();
    final AtomicInteger declines = new AtomicInteger();
    private final Map<String, Instant> finishedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> declinedAt = new ConcurrentHashMap<>();
    private final List<Split> declineSplits = new ArrayList<>();
    private final double taskSeconds;
    private final AtomicInteger taskIds = new AtomicInteger();
    volatile boolean measuring;

    Probe(double taskSeconds) {
      this.taskSeconds = taskSeconds;
    }

    @Override
    public void offer(SchedulerDriver driver, OfferEvent offer) {
      Instant now = Instant.now();
      String agent = offer.agentId();
      if (offer.hostname().startsWith("late-agent-")) {
        lateOffers.putIfAbsent(agent, now);
        calls.execute(() -> driver.decline(List.of(offer.offerId()), 3600));
        return;
      }
      int n = Integer.parseInt(offer.hostname().replaceAll("\\D", ""));
      if (n % 2 == 0) {
        sample(finished, finishedAt.remove(agent), now);
        double cpus = 0;
        double mem = 0;
        double disk = 0;
        for (Resource r : offer.resources()) {
          if (r.scalar() != null) {
            cpus += "cpus".equals(r.name()) ? r.scalar() : 0;
            mem += "mem".equals(r.name()) ? r.scalar() : 0;
            disk += "disk".equals(r.name()) ? r.scalar() : 0;
          }
        }
        TaskSpec task = TaskSpec.command("t" + taskIds.incrementAndGet(), agent, cpus, mem, null)
            .withLabel("drydock.sim.duration-seconds", String.valueOf(taskSeconds));
        if (disk > 0) {
          java.util.Map<String, Double> scalars = new java.util.LinkedHashMap<>(task.scalars());
          scalars.put("disk", disk);
          task = new TaskSpec(task.taskId(), task.name(), agent, scalars, null, null, task.labels());
        }
        TaskSpec launch = task;
        launches.incrementAndGet();
        calls.execute(() -> driver.launch(List.of(offer.offerId()), List.of(launch), 0));
      } else {
        Instant freed = declinedAt.remove(agent);
        sample(declined, freed, now);
        if (freed != null && measuring) {
          synchronized (declineSplits) {
            declineSplits.add(new Split(offer.offerId(), freed, now));
          }
        }
        calls.execute(() -> {
          declinedAt.put(agent, Instant.now());
          declines.incrementAndGet();
          driver.decline(List.of(offer.offerId()), 0);
        });
      }
    }

    @Override
    public void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {
      if (update.state() == TaskState.TASK_FINISHED && update.agentId() != null) {
        Instant at = update.timestamp() != null ? update.timestamp() : Instant.now();
        finishedAt.put(update.agentId(), at);
        sample(finishedSeen, at, Instant.now());
      }
    }

    List<Split> declineSplits() {
      synchronized (declineSplits) {
        return new ArrayList<>(declineSplits);
      }
    }

    /** A decline's new offer: freed (DECLINE sent) and consumed (callback entered). */
    record Split(String offerId, Instant freed, Instant consumed) {}

    private void sample(List<Double> into, Instant freed, Instant offered) {
      if (freed != null && measuring) {
        synchronized (into) {
          into.add(Duration.between(freed, offered).toNanos() / 1e6);
        }
      }
    }
  }
}
