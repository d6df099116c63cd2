package io.drydock.bench.maintenance;

import io.drydock.examples.replicated.ReplicatedService;
import io.drydock.sdk.DrydockSchedulerDriver;
import io.drydock.sdk.SchedulerOptions;
import io.drydock.standalone.Standalone;
import io.drydock.standalone.StandaloneOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The maintenance story, measured. One run: the standalone suite in this JVM with simulated agents
 * {@code sim-agent-1..n}; the machines of {@code windows × machinesPerWindow} are in a rolling maintenance
 * schedule posted at once, the last {@code spares} are never maintained. The example framework keeps
 * {@code replicas} replicas alive. {@link Start}: either the service runs on the first window's machines when
 * the plan is posted (a filler, another team's work, holds every other machine while it starts), or the plan
 * is posted first and the service is then placed on an empty cluster. The operator drives each window: at
 * its start {@code /machine/down}, at its end {@code /machine/up}. Counted from the moment all replicas run
 * (and the plan is, or is about to be, posted): per replica, the tasks that started running (migrations;
 * launches that never ran are counted apart), and the running replicas at every change (the fewest, and
 * how long and how many replica-seconds below the declared minimum).
 *
 * <pre>
 * ./mvnw -B -ntp -q -f bench/pom.xml compile exec:java -Dexec.classpathScope=compile \
 *   -Dexec.mainClass=io.drydock.bench.maintenance.MaintenanceScenario \
 *   [-Dexec.args="--quick --only SDK_POLICY --start SERVICE_FIRST"]
 * </pre>
 */
public final class MaintenanceScenario {

  /**
   * The three runs of the issue. (c) is the naive framework's code unchanged; what differs is the allocator:
   * its maintenance-aware agent order (agents without unavailability first) and the framework's subscription
   * with {@code maintenance_lookahead_seconds} of {@link #LOOKAHEAD}, so that it is offered nothing on a machine
   * with a planned window (the SDK policy's rule for long-running tasks, applied by the master).
   */
  public enum Variant {
    NAIVE("(a) naive framework", ReplicatedService.Policy.NAIVE, false, null),
    SDK_POLICY("(b) SDK maintenance-aware policy", ReplicatedService.Policy.MAINTENANCE_AWARE, false, null),
    NAIVE_WITH_PLACEMENT("(c) naive + allocator's maintenance-aware placement", ReplicatedService.Policy.NAIVE,
        true, MaintenanceScenario.LOOKAHEAD);

    final String label;
    final ReplicatedService.Policy policy;
    final boolean allocatorPlacement;
    final Duration lookahead;

    Variant(String label, ReplicatedService.Policy policy, boolean allocatorPlacement, Duration lookahead) {
      this.label = label;
      this.policy = policy;
      this.allocatorPlacement = allocatorPlacement;
      this.lookahead = lookahead;
    }
  }

  /** (c)'s lookahead: longer than any plan of the scenario, so every planned window is inside it. */
  static final Duration LOOKAHEAD = Duration.ofHours(1);

  /** When the operator posts the plan: the same for the three runs of a table. */
  public enum Start {
    /**
     * The service already runs when the plan is posted, all of it on the first window's machines (a filler,
     * another team's work, holds every other machine while it starts): every replica must move.
     */
    SERVICE_FIRST("the service runs on the first window's machines when the plan is posted"),
    /**
     * The operator plans ahead: the plan is posted (its first window {@link #PLACEMENT_ALLOWANCE} later than
     * with {@link #SERVICE_FIRST}) and then the service starts on an empty cluster, placed as each run
     * places it.
     */
    PLAN_FIRST("the plan is posted before the service starts, on an empty cluster");

    /** PLAN_FIRST's extra lead, for the service to start before the first window. */
    static final Duration PLACEMENT_ALLOWANCE = Duration.ofSeconds(20);

    final String description;

    Start(String description) {
      this.description = description;
    }
  }

  /**
   * The scenario's shape. The replicas start on the first window's machines, so {@code replicas} must fit
   * there ({@code machinesPerWindow × maxPerAgent}); the spares are the only room outside the plan, so
   * {@code spares × maxPerAgent >= replicas} is what moving every replica once needs.
   *
   * @param lead from posting the schedule to the first window's start
   * @param spacing between window starts
   * @param windowLength each window's unavailability (the operator brings the machines up at its end)
   */
  public record Config(int windows, int machinesPerWindow, int spares, int replicas, int minReplicas,
      int maxPerAgent, Duration lead, Duration spacing, Duration windowLength) {

    public Config {
      if (replicas > machinesPerWindow * maxPerAgent || replicas > spares * maxPerAgent) {
        throw new IllegalArgumentException("the replicas must fit on the first window's machines and on the "
            + "spares (at most maxPerAgent per agent)");
      }
    }

    /**
     * 12 machines in 4 windows of 3 and 3 spares; 6 replicas (minimum 6), at most 2 per agent: the
     * service fills the first window, and the spares hold exactly the service.
     */
    public static Config standard() {
      return new Config(4, 3, 3, 6, 6, 2, Duration.ofSeconds(10), Duration.ofSeconds(6), Duration.ofSeconds(4));
    }

    /**
     * 4 machines in 2 windows, 2 spares, 4 replicas: the JUnit test's size. The first window starts 15 s
     * after posting, so that on a loaded build machine the replacements run before it (at 8 s, with the
     * load average at 56, one inverse offer was declined while its replacements were still starting).
     */
    public static Config quick() {
      return new Config(2, 2, 2, 4, 4, 2, Duration.ofSeconds(15), Duration.ofSeconds(4), Duration.ofSeconds(3));
    }

    int maintained() {
      return windows * machinesPerWindow;
    }

    int agents() {
      return maintained() + spares;
    }
  }

  /**
   * One run's numbers.
   *
   * @param affected replicas on a maintained machine when the schedule was posted
   * @param migrations tasks started (reached {@code TASK_RUNNING}) after the schedule was posted
   * @param launches tasks launched after the schedule was posted (with those that never ran)
   * @param maxMoves the most tasks one replica started after the schedule was posted
   * @param minRunning the fewest replicas running at any moment after the schedule was posted
   * @param belowMinimum how long fewer than {@code minReplicas} ran
   * @param missingReplicaSeconds the replica-seconds missing below {@code minReplicas}
   * @param declined inverse offers the policy declined
   * @param orphans tasks the master runs for the service that the framework does not know of at the end
   */
  public record Result(Variant variant, Start start, int replicas, int minReplicas, int affected, int migrations,
      int launches, int maxMoves, int minRunning, Duration belowMinimum, double missingReplicaSeconds, int declined,
      int orphans, Duration elapsed) {

    /** Migrations per affected replica (1.00 is the physical limit). */
    public double perAffected() {
      return affected == 0 ? Double.NaN : (double) migrations / affected;
    }
  }

  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  private MaintenanceScenario() {}

  /**
   * Runs the three variants for each start and prints a table per start. {@code --quick} runs the small
   * configuration; {@code --only NAIVE|SDK_POLICY|NAIVE_WITH_PLACEMENT} one variant; {@code --start
   * SERVICE_FIRST|PLAN_FIRST} one start.
   */
  public static void main(String[] args) throws Exception {
    List<String> list = List.of(args);
    Config config = list.contains("--quick") ? Config.quick() : Config.standard();
    List<Variant> variants = list.contains("--only")
        ? List.of(Variant.valueOf(list.get(list.indexOf("--only") + 1))) : List.of(Variant.values());
    List<Start> starts = list.contains("--start")
        ? List.of(Start.valueOf(list.get(list.indexOf("--start") + 1))) : List.of(Start.values());
    List<String> tables = new ArrayList<>();
    for (Start start : starts) {
      List<Result> results = new ArrayList<>();
      for (Variant variant : variants) {
        results.add(run(config, variant, start));
        System.out.println(Table.row(results.get(results.size() - 1)));
      }
      tables.add(Table.of(config, start, results));
    }
    System.out.println();
    tables.forEach(System.out::println);
    System.exit(0);
  }

  /** Runs one variant with the service started first (the JUnit test's run). */
  public static Result run(Config config, Variant variant) throws Exception {
    return run(config, variant, Start.SERVICE_FIRST);
  }

  /** Runs one variant on a fresh standalone suite (its data deleted afterwards) and answers its numbers. */
  public static Result run(Config config, Variant variant, Start start) throws Exception {
    Path dataDir = Files.createTempDirectory("drydock-maintenance-scenario");
    try {
      return run(config, variant, start, dataDir);
    } finally {
      try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static Result run(Config config, Variant variant, Start start, Path dataDir) throws Exception {
    Instant began = Instant.now();
    String secret = "scenario-" + Long.toHexString(System.nanoTime());
    Path credentials = dataDir.resolve("credentials.json");
    Files.writeString(credentials,
        "{\"credentials\":[{\"principal\":\"operator\",\"secret\":\"" + secret + "\"}]}");
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.resolve("suite").toString(),
        "--agents", String.valueOf(config.agents()), "--credentials", credentials.toString(),
        "--drydock.agent.simulated.resources=cpus:2;mem:4096;disk:1024;ports:[31000-32000]",
        "--drydock.master.allocation.maintenance-aware-placement=" + variant.allocatorPlacement,
        "--logging.level.root=WARN", "--logging.level.io.drydock=" + System.getProperty("scenario.drydockLog", "WARN"),
        "--logging.level.io.drydock.sdk=INFO",
        "--logging.level.io.drydock.examples=" + System.getProperty("scenario.exampleLog", "INFO")));
    for (String port : List.of("--master-port", "--agent-port", "--maintenance-port", "--auth-port",
        "--postgres-port", "--kafka-port")) {
      args.add(port);
      args.add(String.valueOf(freePort()));
    }
    StandaloneOptions options = StandaloneOptions.parse(args.toArray(String[]::new));
    String master = "http://localhost:" + options.masterPort();
    String kafka = "localhost:" + options.kafkaPort();
    Operator operator = new Operator("http://localhost:" + options.maintenancePort(), "operator", secret);
    List<List<Integer>> windows = new ArrayList<>();
    for (int w = 0; w < config.windows(); w++) {
      List<Integer> machines = new ArrayList<>();
      for (int m = 1; m <= config.machinesPerWindow(); m++) {
        machines.add(w * config.machinesPerWindow() + m);
      }
      windows.add(machines);
    }
    Set<String> maintained = new HashSet<>();
    for (int i = 1; i <= config.maintained(); i++) {
      maintained.add(host(i));
    }

    try (Standalone suite = Standalone.start(options)) {
      Recorder recorder = new Recorder(config.minReplicas());
      ReplicatedService service = new ReplicatedService(new ReplicatedService.Settings("web", config.replicas(),
          config.minReplicas(), 1.0, 256, config.maxPerAgent(), variant.policy, null, 30), Clock.systemUTC(),
          recorder::record);
      SchedulerOptions serviceOptions = SchedulerOptions.of(master, kafka, "replicated-service")
          .withCredentials("operator", secret);
      DrydockSchedulerDriver driver = new DrydockSchedulerDriver(variant.lookahead == null ? serviceOptions
          : serviceOptions.withMaintenanceLookahead(variant.lookahead), service);
      java.util.function.Supplier<Object> stalled = () -> service.describeTasks() + "; "
          + operator.masterTasks(master);
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      DrydockSchedulerDriver fillerDriver = null;
      try {
        Instant first;
        if (start == Start.SERVICE_FIRST) {
          fillerDriver = holdAllButTheFirstWindow(config, master, kafka, secret, operator);
          driver.start();
          ticker.scheduleWithFixedDelay(() -> service.tick(driver), 500, 500, TimeUnit.MILLISECONDS);
          await("all replicas running", () -> service.snapshot().running() == config.replicas(), stalled);
          fillerDriver.teardown();
          first = Instant.now().plus(config.lead());
        } else {
          first = Instant.now().plus(config.lead()).plus(Start.PLACEMENT_ALLOWANCE);
          operator.schedule(windows, first, config.spacing(), config.windowLength());
          driver.start();
          ticker.scheduleWithFixedDelay(() -> service.tick(driver), 500, 500, TimeUnit.MILLISECONDS);
          await("all replicas running", () -> service.snapshot().running() == config.replicas(), stalled);
          if (!Instant.now().isBefore(first)) {
            throw new IllegalStateException("The service started after the first window: raise the allowance");
          }
        }
        ReplicatedService.Snapshot before = service.snapshot();
        int affected = (int) before.hostPerSlot().values().stream().filter(maintained::contains).count();
        recorder.start(before.running());
        if (start == Start.SERVICE_FIRST) {
          operator.schedule(windows, first, config.spacing(), config.windowLength());
        }
        for (int w = 0; w < windows.size(); w++) {
          Instant windowStart = first.plus(config.spacing().multipliedBy(w));
          awaitInstant(windowStart);
          operator.down(windows.get(w));
          recorder.machines(windows.get(w).stream().map(MaintenanceScenario::host).toList(), true);
          await("replicas back after window " + (w + 1),
              () -> service.snapshot().running() == config.replicas(), stalled);
          awaitInstant(windowStart.plus(config.windowLength()));
          operator.up(windows.get(w));
          recorder.machines(windows.get(w).stream().map(MaintenanceScenario::host).toList(), false);
        }
        await("the service settled", () -> {
          ReplicatedService.Snapshot s = service.snapshot();
          return s.running() == config.replicas() && s.liveTasks() == config.replicas();
        }, stalled);
        recorder.stop();
        ReplicatedService.Snapshot after = service.snapshot();
        int migrations = 0;
        int maxMoves = 0;
        int launches = 0;
        for (Map.Entry<Integer, Integer> slot : after.startsPerSlot().entrySet()) {
          int moves = slot.getValue() - before.startsPerSlot().get(slot.getKey());
          migrations += moves;
          maxMoves = Math.max(maxMoves, moves);
          launches += after.launchesPerSlot().get(slot.getKey()) - before.launchesPerSlot().get(slot.getKey());
        }
        Set<String> masterLive = operator.liveTasks(master, "web-");
        System.out.println(variant.label + ", " + start + " paths: " + recorder.paths() + "; tasks that never ran: "
            + service.neverRan() + "; task states learnt only by reconciliation: " + service.reconciledStates()
            + "; the master's live tasks " + masterLive + ", the framework's " + service.describeTasks());
        return new Result(variant, start, config.replicas(), config.minReplicas(), affected, migrations, launches,
            maxMoves, recorder.min(), recorder.belowMinimum(), recorder.missingReplicaSeconds(),
            service.declineReasons().size(), Math.max(0, masterLive.size() - after.liveTasks()),
            Duration.between(began, Instant.now()));
      } finally {
        ticker.shutdownNow();
        driver.stop();
        if (fillerDriver != null) {
          fillerDriver.stop();
        }
      }
    }
  }

  /** Starts the filler and waits until it holds every machine but the first window's. */
  private static DrydockSchedulerDriver holdAllButTheFirstWindow(Config config, String master, String kafka,
      String secret, Operator operator) {
    Set<String> held = new HashSet<>();
    for (int i = config.machinesPerWindow() + 1; i <= config.agents(); i++) {
      held.add(host(i));
    }
    Filler filler = new Filler(held);
    DrydockSchedulerDriver fillerDriver = new DrydockSchedulerDriver(
        SchedulerOptions.of(master, kafka, "filler").withCredentials("operator", secret), filler);
    try {
      fillerDriver.start();
      await("every machine but the first window's held and every agent offered", () -> {
        filler.reconcile(fillerDriver);
        return filler.filled(config.agents());
      }, () -> filler + "; " + operator.masterTasks(master));
      return fillerDriver;
    } catch (RuntimeException e) {
      fillerDriver.stop();
      throw e;
    }
  }

  static String host(int i) {
    return "sim-agent-" + i;
  }

  static String ip(int i) {
    return i <= 254 ? "127.0.1." + i : "127.0.2." + (i - 254);
  }

  /** Polls until the condition holds (every 50 ms, at most a minute). */
  static void await(String what, BooleanSupplier condition) {
    await(what, condition, () -> "");
  }

  static void await(String what, BooleanSupplier condition, java.util.function.Supplier<Object> state) {
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Timed out waiting for " + what + " " + state.get());
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private static void awaitInstant(Instant at) {
    while (Instant.now().isBefore(at)) {
      LockSupport.parkNanos(Math.min(Duration.between(Instant.now(), at).toNanos(), 50_000_000L));
    }
  }

  private static int freePort() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port < 65_000) {
          try (ServerSocket controller = new ServerSocket(port + 1)) {
            return port;
          } catch (IOException taken) {
            // the Kafka controller needs port + 1 too
          }
        }
      }
    }
  }
}
