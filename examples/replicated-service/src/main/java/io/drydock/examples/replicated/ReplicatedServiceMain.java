package io.drydock.examples.replicated;

import io.drydock.sdk.DrydockSchedulerDriver;
import io.drydock.sdk.SchedulerOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The example framework's command line:
 *
 * <pre>
 * java -jar examples/replicated-service/target/replicated-service.jar \
 *   --master http://localhost:5050 --kafka localhost:19092 --principal operator --secret ... \
 *   [--replicas 3] [--min-replicas N] [--max-per-agent 1] [--cpus 0.5] [--mem 128] [--policy maintenance-aware|naive]
 *   [--name replicated-service] [--role *] [--framework-id-file FILE] [--token-url URL] [--command CMD]
 * </pre>
 *
 * It runs until Ctrl-C (the framework stays registered for its failover timeout; with
 * {@code --framework-id-file} a restart re-subscribes as the same framework) and prints a line whenever
 * the number of running replicas or their machines change.
 */
public final class ReplicatedServiceMain {

  static final String USAGE = """
      Usage: java -jar replicated-service.jar --master URL --kafka HOST:PORT [options]
        --principal P --secret S   credentials (HTTP Basic, or OAuth2 with --token-url)
        --token-url URL            auth-service token endpoint, e.g. http://localhost:5053/oauth2/token
        --replicas N               replicas to keep running (default 3)
        --min-replicas N           declared minimum of running replicas (default: replicas)
        --max-per-agent N          replicas one agent may hold (default 1)
        --cpus X --mem MB          per replica (default 0.5 and 128)
        --policy P                 maintenance-aware (default) or naive
        --name NAME --role ROLE    framework name (replicated-service) and role (*)
        --framework-id-file FILE   keep the framework id, so a restart re-subscribes as itself
        --command CMD              the replica's shell command (default: sleep infinity)
      """;

  private ReplicatedServiceMain() {}

  /** Parses the options, subscribes and runs until the JVM is stopped. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts;
    try {
      opts = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    String name = opts.getOrDefault("name", "replicated-service");
    int replicas = Integer.parseInt(opts.getOrDefault("replicas", "3"));
    ReplicatedService.Settings settings = new ReplicatedService.Settings(name, replicas,
        Integer.parseInt(opts.getOrDefault("min-replicas", String.valueOf(replicas))),
        Double.parseDouble(opts.getOrDefault("cpus", "0.5")), Double.parseDouble(opts.getOrDefault("mem", "128")),
        Integer.parseInt(opts.getOrDefault("max-per-agent", "1")),
        "naive".equalsIgnoreCase(opts.get("policy")) ? ReplicatedService.Policy.NAIVE
            : ReplicatedService.Policy.MAINTENANCE_AWARE,
        opts.get("command"), 30);
    SchedulerOptions options = SchedulerOptions.of(opts.get("master"), opts.get("kafka"), name)
        .withRoles(List.of(opts.getOrDefault("role", "*")));
    if (opts.containsKey("principal")) {
      options = options.withCredentials(opts.get("principal"), opts.get("secret"));
    }
    if (opts.containsKey("token-url")) {
      options = options.withTokenUrl(opts.get("token-url"));
    }
    if (opts.containsKey("framework-id-file")) {
      options = options.withFrameworkIdFile(Path.of(opts.get("framework-id-file")));
    }
    String[] last = {""};
    ReplicatedService service = new ReplicatedService(settings, Clock.systemUTC(), snapshot -> {
      String line = String.format("%d/%d replicas running (minimum %d) on %s", snapshot.running(),
          settings.replicas(), settings.minReplicas(), snapshot.hostPerSlot().values());
      if (!line.equals(last[0])) {
        last[0] = line;
        System.out.println(line);
      }
    });
    DrydockSchedulerDriver driver = new DrydockSchedulerDriver(options, service);
    String frameworkId = driver.start();
    System.out.println("Subscribed as framework " + frameworkId + " (" + settings.policy() + ")");
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ticker.scheduleWithFixedDelay(() -> service.tick(driver), 1, 1, TimeUnit.SECONDS);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ticker.shutdownNow();
      driver.stop();
      stopped.countDown();
    }));
    stopped.await();
  }

  static Map<String, String> parse(String... args) {
    Map<String, String> opts = new LinkedHashMap<>();
    List<String> known = List.of("master", "kafka", "principal", "secret", "token-url", "replicas", "min-replicas",
        "max-per-agent", "cpus", "mem", "policy", "name", "role", "framework-id-file", "command");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument " + arg + "\n" + USAGE);
      }
      String key = arg.substring(2);
      String value;
      int eq = key.indexOf('=');
      if (eq > 0) {
        value = key.substring(eq + 1);
        key = key.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("Missing value for --" + key + "\n" + USAGE);
      }
      if (!known.contains(key)) {
        throw new IllegalArgumentException("Unknown option --" + key + "\n" + USAGE);
      }
      opts.put(key, value);
    }
    for (String required : List.of("master", "kafka")) {
      if (!opts.containsKey(required)) {
        throw new IllegalArgumentException("--" + required + " is required\n" + USAGE);
      }
    }
    return opts;
  }
}
