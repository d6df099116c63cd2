package io.drydock.bench.scheduler;

import io.drydock.bench.Offers;
import io.drydock.events.OfferEvent;
import io.drydock.events.OfferRescinded;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.sdk.DrydockSchedulerDriver;
import io.drydock.sdk.Scheduler;
import io.drydock.sdk.SchedulerDriver;
import io.drydock.sdk.SchedulerOptions;
import io.drydock.sdk.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * End-to-end launch throughput: ACCEPT with LAUNCH → TASK_RUNNING consumed by the framework, through the real
 * suite (embedded PostgreSQL and Kafka, master, one agent-service simulating the agents), loopback only.
 * {@code frameworks} frameworks (framework-sdk drivers, which acknowledge every update) launch up to
 * {@code perOffer} simulated tasks (0.05 cpus, 32 MB, running until the end) on every offer and decline the
 * rest with {@code refuse_seconds 0}. A framework has at most 8 ACCEPTs and 10,000 launched tasks not yet
 * running in flight (as a framework bounds a roll-out), so the rate measured is what the suite delivers,
 * not a queue growing behind it; offers that arrive
 * meanwhile are held (up to 64, oldest used first, dropped when rescinded) and used as ACCEPTs return, as a
 * framework keeps offers it will use; beyond that it declines them for 1 s. Offers to decline that arrive
 * while a DECLINE is under way go in the next one. Counted: TASK_RUNNING consumed per second in a window after a
 * warm-up, and the ACCEPT → TASK_RUNNING latency of the tasks that ran in the window.
 *
 * <pre>
 * ./mvnw -B -ntp -q -f bench/pom.xml compile exec:java -Dexec.classpathScope=compile \
 *   -Dexec.mainClass=io.drydock.bench.scheduler.LaunchThroughputHarness -Dexec.args="500 4 50 40 1000"
 * </pre>
 * Arguments: agents (500), frameworks (4), tasks per offer (50), window seconds (40), allocation interval ms
 * (1000), warm-up seconds (10). At the end it prints the CPU its threads used in the window, by part.
 */
public final class LaunchThroughputHarness {

  private static final double TASK_CPUS = 0.05;
  private static final double TASK_MEM = 32;
  private static final int MAX_PENDING_ACCEPTS = 8;
  private static final int MAX_HELD_OFFERS = 64;
  private static final int MAX_TASKS_IN_FLIGHT = 10_000;

  private LaunchThroughputHarness() {}

  public static void main(String[] args) throws Exception {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int frameworks = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int perOffer = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int window = args.length > 3 ? Integer.parseInt(args[3]) : 40;
    long intervalMs = args.length > 4 ? Long.parseLong(args[4]) : 1000;
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 10;
    System.out.println("load before start: " + BenchSuite.load());
    try (BenchSuite suite = BenchSuite.start(agents,
        "--drydock.master.allocation.interval=" + intervalMs + "ms",
        "--drydock.agent.simulated.resources=cpus:256;mem:1048576;disk:1024")) {
      List<Launcher> launchers = new ArrayList<>();
      List<DrydockSchedulerDriver> drivers = new ArrayList<>();
      for (int f = 0; f < frameworks; f++) {
        Launcher launcher = new Launcher("f" + f, perOffer);
        DrydockSchedulerDriver driver = new DrydockSchedulerDriver(SchedulerOptions.of(suite.masterUrl(),
            suite.kafka(), "throughput-" + f).withCredentials("operator", suite.secret), launcher);
        driver.start();
        launchers.add(launcher);
        drivers.add(driver);
      }
      try {
        long start = System.nanoTime();
        long windowStart = start + warmup * 1_000_000_000L;
        ThreadCpu cpu = new ThreadCpu(name -> name
            .replace("http-nio-" + suite.options.masterPort(), "master http")
            .replace("http-nio-" + suite.options.agentPort(), "agent-service http")
            .replace("http-nio-" + suite.options.authPort(), "auth-service http"));
        long windowEnd = windowStart + window * 1_000_000_000L;
        long running0 = -1;
        String loadAtStart = null;
        long last = 0;
        long lastAt = start;
        long lastCompile = ThreadCpu.compileMillis();
        while (System.nanoTime() < windowEnd) {
          Thread.sleep(5_000);
          long now = System.nanoTime();
          long running = launchers.stream().mapToLong(l -> l.running.sum()).sum();
          long launched = launchers.stream().mapToLong(l -> l.launched.get()).sum();
          long compile = ThreadCpu.compileMillis();
          System.out.printf("t=%3ds launched %7d running %7d  (%6.0f/s)  %s  JIT %4.0f ms/s  load %s%n",
              (now - start) / 1_000_000_000L, launched, running, (running - last) * 1e9 / (now - lastAt),
              pipeline(suite), (compile - lastCompile) * 1e9 / (now - lastAt), BenchSuite.load());
          lastCompile = compile;
          last = running;
          lastAt = now;
          if (running0 < 0 && now >= windowStart) {
            running0 = running;
            windowStart = now;
            windowEnd = now + window * 1_000_000_000L;
            loadAtStart = BenchSuite.load();
            cpu.start();
            launchers.forEach(l -> l.measuring = true);
          }
        }
        long now = System.nanoTime();
        launchers.forEach(l -> l.measuring = false);
        long running = launchers.stream().mapToLong(l -> l.running.sum()).sum();
        double rate = (running - running0) * 1e9 / (now - windowStart);
        List<Double> latencies = new ArrayList<>();
        long acceptCalls = 0;
        long busy = launchers.stream().mapToLong(l -> l.declinedBusy.sum()).sum();
        long acceptNanos = 0;
        Map<String, Long> states = new TreeMap<>();
        for (Launcher l : launchers) {
          synchronized (l.latencies) {
            latencies.addAll(l.latencies);
          }
          acceptCalls += l.acceptCalls.sum();
          acceptNanos += l.acceptNanos.sum();
          l.states.forEach((k, v) -> states.merge(k, v.sum(), Long::sum));
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.println();
        System.out.printf("load at window start %s, at end %s%n", loadAtStart, BenchSuite.load());
        System.out.print(cpu.report());
        System.out.printf("states consumed: %s%n", states);
        System.out.printf("ACCEPT calls: %d, mean %.1f ms (framework side, HTTP round trip)%n", acceptCalls,
            acceptCalls == 0 ? Double.NaN : acceptNanos / 1e6 / acceptCalls);
        System.out.printf("offers declined because %d were already held: %d%n", MAX_HELD_OFFERS, busy);
        System.out.printf("HTTP requests served over the whole run: master %s; agent-service %s%n",
            suite.requestCounts(suite.options.masterPort()), suite.requestCounts(suite.options.agentPort()));
        System.out.println("| agents | frameworks | tasks per offer | interval | window | TASK_RUNNING consumed "
            + "| tasks/s | ACCEPT → RUNNING p50 | p99 |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %d | %d | %d | %d ms | %d s | %d | **%.0f** | %.0f ms | %.0f ms |%n", agents, frameworks,
            perOffer, intervalMs, (now - windowStart) / 1_000_000_000L, running - running0, rate,
            BenchSuite.quantile(sorted, 0.5), BenchSuite.quantile(sorted, 0.99));
      } finally {
        drivers.forEach(DrydockSchedulerDriver::stop);
        launchers.forEach(l -> {
          l.calls.shutdownNow();
          l.declines.shutdownNow();
        });
      }
    }
    System.exit(0);
  }

  /**
   * Where the launched tasks are: tasks the master staged whose agent has not reported yet, and events
   * committed to the master's outbox not yet on Kafka (a growing number shows the stage that limits).
   */
  private static String pipeline(BenchSuite suite) {
    try (java.sql.Connection c = suite.jdbc(); java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM master.task WHERE state = 'TASK_STAGING'),"
            + " (SELECT count(*) FROM master.outbox)")) {
      rs.next();
      return String.format("staging %6d outbox %6d", rs.getLong(1), rs.getLong(2));
    } catch (java.sql.SQLException e) {
      return "(" + e.getMessage() + ")";
    }
  }

  /** One framework: fills every offer with up to {@code perOffer} tasks; counts TASK_RUNNING. */
  static final class Launcher implements Scheduler {
    /** ACCEPTs: one thread per ACCEPT allowed in flight, so "in flight" means sent, not queued here. */
    final ExecutorService calls = Executors.newFixedThreadPool(MAX_PENDING_ACCEPTS);
    /** DECLINEs go on their own thread, so they never wait behind ACCEPTs (nor hold them up). */
    final ExecutorService declines = Executors.newSingleThreadExecutor();
    final LongAdder running = new LongAdder();
    /** Launched tasks that reached TASK_RUNNING or ended: the rest are in flight. */
    private final LongAdder started = new LongAdder();
    final AtomicLong launched = new AtomicLong();
    final LongAdder acceptCalls = new LongAdder();
    final LongAdder acceptNanos = new LongAdder();
    final List<Double> latencies = new ArrayList<>();
    final Map<String, LongAdder> states = new ConcurrentHashMap<>();
    final LongAdder declinedBusy = new LongAdder();
    /** Offers in hand, waiting for an ACCEPT slot (guarded by this). */
    private final Map<String, OfferEvent> held = new java.util.LinkedHashMap<>();
    private int pending;
    private final Map<String, Long> launchedAt = new ConcurrentHashMap<>();
    private final Map<Integer, java.util.Queue<String>> toDecline = Map.of(
        0, new java.util.concurrent.ConcurrentLinkedQueue<>(), 1, new java.util.concurrent.ConcurrentLinkedQueue<>());
    private final String name;
    private final int perOffer;
    volatile boolean measuring;

    Launcher(String name, int perOffer) {
      this.name = name;
      this.perOffer = perOffer;
    }

    @Override
    public void offer(SchedulerDriver driver, OfferEvent offer) {
      if (fit(offer) <= 0) {
        decline(driver, offer.offerId(), 0);
        return;
      }
      synchronized (this) {
        if (held.size() >= MAX_HELD_OFFERS) {
          // enough offers in hand for the next ACCEPTs: let this one go to the next run (or another framework)
          declinedBusy.increment();
          decline(driver, offer.offerId(), 1);
          return;
        }
        held.put(offer.offerId(), offer);
      }
      dispatch(driver);
    }

    @Override
    public synchronized void offerRescinded(SchedulerDriver driver, OfferRescinded rescind) {
      held.remove(rescind.offerId());
    }

    private int fit(OfferEvent offer) {
      double cpus = Offers.unreserved(offer, "cpus");
      double mem = Offers.unreserved(offer, "mem");
      return (int) Math.min(perOffer, Math.min(Math.floor(cpus / TASK_CPUS + 1e-9), Math.floor(mem / TASK_MEM)));
    }

    /** Starts ACCEPTs on held offers, oldest first, while fewer than the allowed number are in flight. */
    private void dispatch(SchedulerDriver driver) {
      while (true) {
        OfferEvent offer;
        synchronized (this) {
          if (pending >= MAX_PENDING_ACCEPTS || held.isEmpty()
              || launched.get() - started.sum() + perOffer > MAX_TASKS_IN_FLIGHT) {
            return;
          }
          offer = held.remove(held.keySet().iterator().next());
          pending++;
        }
        launch(driver, offer);
      }
    }

    private void launch(SchedulerDriver driver, OfferEvent offer) {
      int n = fit(offer);
      List<TaskSpec> tasks = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        tasks.add(TaskSpec.command(name + "-" + launched.incrementAndGet(), offer.agentId(), TASK_CPUS, TASK_MEM,
            null));
      }
      calls.execute(() -> {
        long t0 = System.nanoTime();
        for (TaskSpec task : tasks) {
          launchedAt.put(task.taskId(), t0);
        }
        try {
          driver.launch(List.of(offer.offerId()), tasks, 0);
        } finally {
          synchronized (this) {
            pending--;
          }
          acceptNanos.add(System.nanoTime() - t0);
          acceptCalls.increment();
          dispatch(driver);
        }
      });
    }

    /** Declines with one call what queued while the previous DECLINE was under way, as a framework would. */
    private void decline(SchedulerDriver driver, String offerId, int refuseSeconds) {
      java.util.Queue<String> queue = toDecline.get(refuseSeconds);
      queue.add(offerId);
      declines.execute(() -> {
        List<String> ids = new ArrayList<>();
        for (String id = queue.poll(); id != null; id = queue.poll()) {
          ids.add(id);
        }
        if (!ids.isEmpty()) {
          driver.decline(ids, refuseSeconds);
        }
      });
    }

    @Override
    public void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {
      states.computeIfAbsent(update.state().name(), s -> new LongAdder()).increment();
      if (update.state() == TaskState.TASK_RUNNING || update.state().isTerminal()) {
        if (launchedAt.containsKey(update.taskId())) {
          started.increment();
          dispatch(driver);
        }
      }
      if (update.state() == TaskState.TASK_RUNNING) {
        running.increment();
        Long at = launchedAt.remove(update.taskId());
        if (at != null && measuring) {
          synchronized (latencies) {
            latencies.add((System.nanoTime() - at) / 1e6);
          }
        }
      } else if (update.state().isTerminal()) {
        launchedAt.remove(update.taskId());
      }
    }
  }
}
