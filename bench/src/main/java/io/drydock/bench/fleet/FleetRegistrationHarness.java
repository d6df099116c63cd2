package io.drydock.bench.fleet;

import io.drydock.bench.scheduler.BenchSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fleet registration: one agent-service simulating {@code agents} agents registers with one master. The
 * standalone suite starts first (with one simulated agent of its own); then a second agent-service in this
 * JVM starts the fleet {@code fleet-agent-<i>}. Reported: time from starting that agent-service to the last
 * fleet agent's {@code registered_at} in the master's registry (polled with JDBC), and heap used after GC
 * before the fleet, with the fleet registered, and after closing the fleet's agent-service (the difference
 * is agent-service's share; the rest of the growth is the master's and the other services'). Once all are
 * registered it holds for 60 s and reports the fewest registered and the agents removed as unreachable.
 *
 * <pre>
 * ./mvnw -B -ntp -q -f bench/pom.xml compile exec:java -Dexec.classpathScope=compile \
 *   -Dexec.mainClass=io.drydock.bench.fleet.FleetRegistrationHarness -Dexec.args="10000 600"
 * </pre>
 * Arguments: agents (10 000), time limit in seconds (600), then any {@code --drydock.*} property for the
 * suite's services (e.g. {@code --drydock.master.agent.heartbeat-interval=15s}).
 */
public final class FleetRegistrationHarness {

  private static final int HOLD_SECONDS = 60;

  private FleetRegistrationHarness() {}

  public static void main(String[] args) throws Exception {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 600;
    System.out.println("load before start: " + BenchSuite.load() + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    String[] passThrough = java.util.Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
    System.out.println("passed to the suite: " + java.util.Arrays.toString(passThrough));
    try (BenchSuite suite = BenchSuite.start(1, passThrough)) {
      double heapBefore = BenchSuite.heapAfterGcMiB();
      String rssBefore = rss();
      System.out.printf("suite up (1 agent): heap after GC %.0f MiB, RSS %s, load %s%n", heapBefore, rssBefore,
          BenchSuite.load());
      Instant start = Instant.now();
      ConfigurableApplicationContext fleet = suite.startAgentService(agents, "fleet-agent-",
          "cpus:8;mem:16384;disk:102400;ports:[31000-32000]");
      Instant contextUp = Instant.now();
      System.out.println("fleet agent-service context up after "
          + Duration.between(start, contextUp).toMillis() + " ms");
      long registered = 0;
      Instant last = null;
      Instant deadline = start.plusSeconds(limit);
      try (Connection db = suite.jdbc(); PreparedStatement q = db.prepareStatement(
          "select count(*), max(registered_at) from master.agent where hostname like 'fleet-agent-%' "
              + "and removed_at is null")) {
        long printed = 0;
        while (registered < agents && Instant.now().isBefore(deadline)) {
          Thread.sleep(1_000);
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            registered = rs.getLong(1);
            Timestamp max = rs.getTimestamp(2);
            last = max == null ? null : max.toInstant();
          }
          long elapsed = Duration.between(start, Instant.now()).toSeconds();
          if (elapsed / 10 != printed) {
            printed = elapsed / 10;
            System.out.printf("t=%3ds registered %5d  load %s%n", elapsed, registered, BenchSuite.load());
          }
        }
      }
      double seconds = last == null ? Double.NaN : Duration.between(start, last).toMillis() / 1000.0;
      long fewest = registered;
      long removed = 0;
      if (registered == agents) {
        // hold: do all of them stay registered (heartbeats keep up)?
        try (Connection db = suite.jdbc(); PreparedStatement q = db.prepareStatement(
            "select count(*) filter (where removed_at is null), count(*) filter (where removed_at is not null) "
                + "from master.agent where hostname like 'fleet-agent-%'")) {
          Instant holdEnd = Instant.now().plusSeconds(HOLD_SECONDS);
          while (Instant.now().isBefore(holdEnd)) {
            Thread.sleep(2_000);
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              fewest = Math.min(fewest, rs.getLong(1));
              removed = rs.getLong(2);
            }
          }
        }
        System.out.printf("held %d s: fewest registered %d, agents removed so far (unreachable) %d, load %s%n",
            HOLD_SECONDS, fewest, removed, BenchSuite.load());
      }
      String loadAtEnd = BenchSuite.load();
      double heapFleet = BenchSuite.heapAfterGcMiB();
      String rssFleet = rss();
      fleet.close();
      double heapAfterClose = BenchSuite.heapAfterGcMiB();
      System.out.println();
      System.out.printf("load at end %s%n", loadAtEnd);
      System.out.println("| agents | registered | time to last registration | rate | heap after GC: suite alone "
          + "| with the fleet | fleet's agent-service closed | agent-service share | RSS before → with fleet |");
      System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
      System.out.printf("| %d | %d | %.1f s | %.0f agents/s | %.0f MiB | %.0f MiB | %.0f MiB | %.0f MiB | %s → %s |%n",
          agents, registered, seconds, registered / seconds, heapBefore, heapFleet, heapAfterClose,
          heapFleet - heapAfterClose, rssBefore, rssFleet);
    }
    System.exit(0);
  }

  private static String rss() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
          .map(l -> l.replaceAll("\\D+", "") ).map(kb -> Long.parseLong(kb) / 1024 + " MiB").findFirst()
          .orElse("?");
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
