package io.drydock.reliability;

import io.drydock.events.OfferEvent;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.master.leader.Leadership;
import io.drydock.sdk.DrydockSchedulerDriver;
import io.drydock.sdk.Scheduler;
import io.drydock.sdk.SchedulerDriver;
import io.drydock.sdk.SchedulerOptions;
import io.drydock.sdk.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/**
 * Repeated master failover under load: two replicas behind a load balancer ({@link MasterFront}), simulated
 * agents and a framework (framework-sdk) that launches a short task (2 s, simulated) on every offer, so
 * launches, status updates and offers flow all the time. Each run kills the leading replica (its context is
 * closed), times the kill → the other replica leading → the first offer that reaches the framework after
 * that and that the new leader accepts a launch on (an offer of the dead leader would be refused), then starts the killed replica again as a follower; the next run kills the other one. Prints
 * each run and min / median / p90 / max.
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl reliability-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.drydock.reliability.FailoverHarness -Dexec.args="15 20"
 * </pre>
 * Arguments: runs (15), simulated agents (20).
 */
public final class FailoverHarness {

  private static final Duration WAIT = Duration.ofSeconds(120);

  private FailoverHarness() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int agents = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    System.out.println("load before: " + load());
    Path dataDir = Files.createTempDirectory("drydock-failover");
    List<Long> elected = new ArrayList<>();
    List<Long> nextOffer = new ArrayList<>();
    AtomicLong lastOfferAt = new AtomicLong(Long.MIN_VALUE);
    AtomicInteger launched = new AtomicInteger();
    AtomicInteger updates = new AtomicInteger();
    Scheduler scheduler = new Scheduler() {
      @Override
      public void offer(SchedulerDriver driver, OfferEvent offer) {
        long arrivedAt = System.nanoTime();
        String taskId = "load-" + launched.incrementAndGet();
        try {
          driver.launch(List.of(offer.offerId()), List.of(TaskSpec.command(taskId, offer.agentId(), 0.1, 32, "sleep 2")
              .withLabel("drydock.sim.duration-seconds", "2")), 0);
          lastOfferAt.accumulateAndGet(arrivedAt, Math::max);
        } catch (RuntimeException voidOffer) {
          // an offer of the killed leader: void at the new one, so not the "next offer"
        }
      }

      @Override
      public void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {
        updates.incrementAndGet();
      }
    };
    try (Suite suite = Suite.start(dataDir, 2, agents)) {
      SchedulerOptions options = SchedulerOptions.of(suite.masterUrl(), suite.bootstrapServers(), "failover-load")
          .withCredentials(Suite.OPERATOR, suite.secret());
      try (DrydockSchedulerDriver driver = new DrydockSchedulerDriver(options, scheduler)) {
        driver.start();
        Awaitility.await().atMost(WAIT).until(() -> updates.get() >= 50);
        for (int run = 1; run <= runs; run++) {
          int leader = leader(suite);
          int other = 1 - leader;
          int updatesBefore = updates.get();
          Awaitility.await().atMost(WAIT).until(() -> updates.get() >= updatesBefore + 20);
          long killedAt = System.nanoTime();
          suite.killMaster(leader);
          Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
              .until(() -> leadership(suite, other).isLeader());
          long electedAt = System.nanoTime();
          Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> lastOfferAt.get() > electedAt);
          long offerAt = lastOfferAt.get();
          elected.add((electedAt - killedAt) / 1_000_000);
          nextOffer.add((offerAt - killedAt) / 1_000_000);
          System.out.printf("run %2d: killed replica %d; replica %d leads after %5d ms; next offer after %5d ms "
                  + "(%d tasks launched so far); load %s%n", run, leader, other, elected.get(elected.size() - 1),
              nextOffer.get(nextOffer.size() - 1), launched.get(), load());
          suite.restartMaster(leader);
        }
      }
    }
    System.out.println("kill -> new leader (ms):  " + summary(elected));
    System.out.println("kill -> next offer (ms):  " + summary(nextOffer));
    System.out.println("load after: " + load());
    System.exit(0);
  }

  private static int leader(Suite suite) {
    for (int i = 0; i < 2; i++) {
      if (suite.master(i) != null && leadership(suite, i).isLeader()) {
        return i;
      }
    }
    throw new IllegalStateException("no leader");
  }

  private static Leadership leadership(Suite suite, int index) {
    return suite.master(index).getBean(Leadership.class);
  }

  private static String summary(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return String.format("n=%d min=%d median=%d p90=%d max=%d all=%s", sorted.size(), sorted.get(0),
        percentile(sorted, 50), percentile(sorted, 90), sorted.get(sorted.size() - 1), values);
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }
}
