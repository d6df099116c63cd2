package io.drydock.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drydock.events.Envelope;
import io.drydock.events.InverseOfferEvent;
import io.drydock.events.InverseOfferResponded;
import io.drydock.events.MachineId;
import io.drydock.events.OfferEvent;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.events.Topics;
import io.drydock.master.leader.Leadership;
import io.drydock.sdk.DrydockSchedulerDriver;
import io.drydock.sdk.Scheduler;
import io.drydock.sdk.SchedulerDriver;
import io.drydock.sdk.SchedulerOptions;
import io.drydock.sdk.TaskSpec;
import io.drydock.support.kafka.EventCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two master replicas against one PostgreSQL: one leads, the other answers 307 to it; killing the leader
 * during a steady stream of launches makes the other lead, with no task or framework lost or duplicated, and
 * the deposed leader's writes refused by the database. Prints the failover time (kill to next offer).
 *
 * <p>Then the leader is killed in the middle of a maintenance cycle (the replica killed first is back as a
 * follower; agents and frameworks reach the masters through a load balancer). Two machines, each running
 * one task of a framework, are scheduled for maintenance and both get inverse offers; the framework accepts
 * the first machine's and the leader is killed right after that call returns (the answer may not have
 * reached maintenance-service yet), before the framework answers the second machine's. The other replica
 * takes over and sends the second machine a new inverse offer, which the framework accepts together with the
 * now void one of the dead leader. Afterwards every answer is recorded once, the schedule is intact,
 * {@code /machine/down} ends the task on the machine as Mesos does (TASK_LOST, agent removed) and
 * {@code /machine/up} lets the agent back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MasterFailoverTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static final double NEVER_AGAIN = 3600;

  @TempDir static Path dataDir;
  private final JsonMapper json = JsonMapper.builder().build();
  private final EventCodec codec = new EventCodec();
  private Suite suite;

  @BeforeAll
  void startSuite() throws Exception {
    suite = Suite.start(dataDir, 2, 3);
  }

  @AfterAll
  void stopSuite() {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  @Order(1)
  void exactlyOneLeaderAndTheFollowerRedirectsToIt() {
    assertThat(leadership(0).isLeader()).as("the first replica started leads").isTrue();
    assertThat(leadership(1).isLeader()).isFalse();
    assertThat(leadership(1).epoch()).isZero();

    RawHttp.Response redirected = suite.call(suite.masterPort(1), "GET", "/state?jsonp=x", null);
    assertThat(redirected.status()).isEqualTo(307);
    assertThat(redirected.headers().get("location")).isEqualTo("//localhost:" + suite.masterPort(0) + "/state?jsonp=x");
    RawHttp.Response scheduler = suite.call(suite.masterPort(1), "POST", "/api/v1/scheduler", "{}");
    assertThat(scheduler.status()).isEqualTo(307);
    assertThat(scheduler.headers().get("location")).isEqualTo("//localhost:" + suite.masterPort(0) + "/api/v1/scheduler");
    assertThat(suite.ready(suite.masterPort(1))).as("a follower is ready (it answers)").isTrue();
    assertThat(suite.call(suite.masterPort(0), "GET", "/state", null).status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void killingTheLeaderDuringLaunchesLosesAndDuplicatesNothing() throws Exception {
    long oldEpoch = leadership(0).epoch();
    List<OfferEvent> offers = new CopyOnWriteArrayList<>();
    List<Long> offerArrivals = new CopyOnWriteArrayList<>();
    Map<String, TaskState> states = new ConcurrentHashMap<>();
    List<String> launched = new CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();
    Scheduler scheduler = new Scheduler() {
      @Override
      public void offer(SchedulerDriver driver, OfferEvent offer) {
        offers.add(offer);
        offerArrivals.add(System.nanoTime());
        String taskId = "steady-" + next.incrementAndGet();
        try {
          driver.launch(List.of(offer.offerId()),
              List.of(TaskSpec.command(taskId, offer.agentId(), 0.05, 8, "sleep 3600")), 0);
          launched.add(taskId);
        } catch (RuntimeException voidOffer) {
          // an offer of the deposed leader: void at the new one
        }
      }

      @Override
      public void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {
        states.put(update.taskId(), update.state());
      }
    };
    // the framework, like the agents, is pointed at the follower and follows its 307s
    SchedulerOptions options = SchedulerOptions.of("http://localhost:" + suite.masterPort(1),
        suite.bootstrapServers(), "failover-framework").withCredentials(Suite.OPERATOR, suite.secret());
    try (DrydockSchedulerDriver driver = new DrydockSchedulerDriver(options, scheduler)) {
      String frameworkId = driver.start();
      await().atMost(WAIT).until(() -> running(states) >= 6);

      int offersBefore = offers.size();
      long killedAt = System.nanoTime();
      suite.killMaster(0);
      await().atMost(WAIT).until(() -> leadership(1).isLeader());
      long electedAt = System.nanoTime();
      await().atMost(WAIT).until(() -> offers.size() > offersBefore && offerArrivals.get(offers.size() - 1) > electedAt);
      long nextOfferAt = offerArrivals.stream().filter(t -> t > electedAt).findFirst().orElseThrow();
      int launchedAtFailover = launched.size();
      await().atMost(WAIT).until(() -> running(states) >= launchedAtFailover + 6);

      assertThat(leadership(1).epoch()).isEqualTo(oldEpoch + 1);
      List<String> taskRows = suite.strings("SELECT task_id FROM master.task WHERE framework_id = '" + frameworkId + "'");
      assertThat(new HashSet<>(taskRows)).as("no task row twice").hasSize(taskRows.size());
      Set<String> everRunning = states.entrySet().stream().map(Map.Entry::getKey).collect(Collectors.toSet());
      assertThat(new HashSet<>(taskRows)).as("every task the framework heard of is in the registry")
          .containsAll(everRunning);
      List<String> frameworks = suite.strings("SELECT id FROM master.framework WHERE id = '" + frameworkId + "'");
      assertThat(frameworks).as("the framework once").hasSize(1);
      assertThat(suite.call(suite.masterPort(1), "GET", "/state", null).bodyText()).contains(frameworkId);

      // fencing: a connection tagged with the deposed leader's epoch (as its pool's are) cannot write
      try (Connection c = suite.database()) {
        c.createStatement().execute("SET search_path TO master");
        c.createStatement().execute("SELECT set_config('drydock.master_epoch', '" + oldEpoch + "', false)");
        assertThatThrownBy(() -> c.createStatement().executeUpdate(
            "UPDATE framework SET name = 'hijacked' WHERE id = '" + frameworkId + "'"))
            .hasMessageContaining("Not the leading master");
      }
      System.out.printf("Master failover: killed -> new leader elected %d ms; killed -> next offer %d ms "
              + "(%d tasks launched before, %d after)%n",
          (electedAt - killedAt) / 1_000_000, (nextOfferAt - killedAt) / 1_000_000, launchedAtFailover,
          launched.size() - launchedAtFailover);
      assertThat(Duration.ofNanos(nextOfferAt - killedAt)).as("kill to next offer").isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  @Order(3)
  void killingTheLeaderMidMaintenanceCycleLosesNoAnswerAndTheCycleCompletes() throws Exception {
    // the replica killed above comes back as a follower; the leader now is the other one
    suite.restartMaster(0);
    int leader = leaderIndex();
    int follower = 1 - leader;
    Map<String, MachineId> machineOfAgent = new ConcurrentHashMap<>();
    Map<String, String> taskOnAgent = new ConcurrentHashMap<>();
    List<TimedInverseOffer> inverseOffers = new CopyOnWriteArrayList<>();
    List<TaskStatusUpdate> updates = new CopyOnWriteArrayList<>();
    Scheduler scheduler = new Scheduler() {
      @Override
      public void offer(SchedulerDriver driver, OfferEvent offer) {
        machineOfAgent.putIfAbsent(offer.agentId(), offer.machine());
        String taskId = "maint-" + offer.machine().hostname();
        // one task on each of the first two agents (an agent back from DOWN has a new id: no task there)
        if (taskOnAgent.size() < 2 && taskOnAgent.putIfAbsent(offer.agentId(), taskId) == null) {
          driver.launch(List.of(offer.offerId()),
              List.of(TaskSpec.command(taskId, offer.agentId(), 0.5, 64, "sleep 3600")), NEVER_AGAIN);
        } else {
          driver.decline(List.of(offer.offerId()), NEVER_AGAIN);
        }
      }

      @Override
      public void inverseOffer(SchedulerDriver driver, InverseOfferEvent inverseOffer) {
        inverseOffers.add(new TimedInverseOffer(inverseOffer, System.nanoTime()));
      }

      @Override
      public void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {
        updates.add(update);
      }
    };
    SchedulerOptions options = SchedulerOptions.of(suite.masterUrl(), suite.bootstrapServers(),
        "maintenance-failover-framework").withCredentials(Suite.OPERATOR, suite.secret());
    try (DrydockSchedulerDriver driver = new DrydockSchedulerDriver(options, scheduler)) {
      String frameworkId = driver.start();
      await().atMost(WAIT).until(() -> runningTasks(updates).size() == 2);
      List<String> agents = new ArrayList<>(taskOnAgent.keySet());
      String agentA = agents.get(0);
      String agentB = agents.get(1);
      MachineId machineA = machineOfAgent.get(agentA);
      MachineId machineB = machineOfAgent.get(agentB);

      long start = Instant.now().plus(Duration.ofHours(1)).toEpochMilli() * 1_000_000L;
      String schedule = "{\"windows\":[{\"machine_ids\":[" + machineJson(machineA) + "," + machineJson(machineB)
          + "],\"unavailability\":{\"start\":{\"nanoseconds\":" + start + "},\"duration\":{\"nanoseconds\":"
          + Duration.ofHours(2).toNanos() + "}}}]}";
      assertThat(maintenance("POST", "/maintenance/schedule", schedule).status()).isEqualTo(200);
      JsonNode scheduled = json.readTree(maintenance("GET", "/maintenance/schedule", null).bodyText());

      InverseOfferEvent firstA = await().atMost(WAIT).until(() -> latest(inverseOffers, agentA, Long.MIN_VALUE), io -> io != null);
      InverseOfferEvent firstB = await().atMost(WAIT).until(() -> latest(inverseOffers, agentB, Long.MIN_VALUE), io -> io != null);

      // the answer for A is committed by the leader (the call returned); kill it before B is answered
      driver.acceptInverseOffers(List.of(firstA.inverseOfferId()), NEVER_AGAIN);
      long oldEpoch = leadership(leader).epoch();
      suite.killMaster(leader);
      await().atMost(WAIT).until(() -> leadership(follower).isLeader());
      long electedAt = System.nanoTime();
      assertThat(leadership(follower).epoch()).isEqualTo(oldEpoch + 1);

      // the new leader knows nothing of the dead one's inverse offers nor of the answers (in memory, as in
      // Mesos): it makes both machines new ones; only B's is answered (A's answer is already recorded)
      InverseOfferEvent secondB = await().atMost(WAIT)
          .until(() -> latest(inverseOffers, agentB, electedAt), io -> io != null);
      assertThat(secondB.inverseOfferId()).isNotEqualTo(firstB.inverseOfferId());
      await().atMost(WAIT).until(() -> latest(inverseOffers, agentA, electedAt), io -> io != null);
      driver.acceptInverseOffers(List.of(firstB.inverseOfferId(), secondB.inverseOfferId()), NEVER_AGAIN);

      await().atMost(WAIT).untilAsserted(() -> {
        Map<String, List<String>> statuses = statuses();
        assertThat(statuses).containsEntry(machineA.hostname(), List.of(frameworkId + "/ACCEPT"));
        assertThat(statuses).containsEntry(machineB.hostname(), List.of(frameworkId + "/ACCEPT"));
      });
      List<Envelope> answers = suite.records(Topics.INVERSE_OFFER_RESPONSES).stream().map(codec::read).toList();
      assertThat(answers).as("one answer per machine: the void id was ignored, nothing published twice")
          .hasSize(2)
          .extracting(e -> ((InverseOfferResponded) e.payload()).machine().hostname())
          .containsExactlyInAnyOrder(machineA.hostname(), machineB.hostname());
      assertThat(suite.count("SELECT count(*) FROM maintenance.inverse_offer_response")).isEqualTo(2);
      assertThat(json.readTree(maintenance("GET", "/maintenance/schedule", null).bodyText()))
          .as("the schedule, once").isEqualTo(scheduled);

      // DOWN ends A's task as Mesos does and removes its agent; B's task is untouched
      assertThat(maintenance("POST", "/machine/down", "[" + machineJson(machineA) + "]").status()).isEqualTo(200);
      String taskA = taskOnAgent.get(agentA);
      await().atMost(WAIT).until(() -> updates.stream().anyMatch(u -> u.taskId().equals(taskA)
          && u.state() == TaskState.TASK_LOST && "REASON_SLAVE_REMOVED".equals(u.reason())));
      await().atMost(WAIT).until(() -> !agentHostnames().contains(machineA.hostname()));
      assertThat(updates).filteredOn(u -> u.taskId().equals(taskOnAgent.get(agentB)))
          .extracting(TaskStatusUpdate::state).containsOnly(TaskState.TASK_RUNNING);

      assertThat(maintenance("POST", "/machine/up", "[" + machineJson(machineA) + "]").status()).isEqualTo(200);
      await().atMost(WAIT).until(() -> agentHostnames().contains(machineA.hostname()));

      // converged: one framework, each task once, every event once
      assertThat(suite.count("SELECT count(*) FROM master.framework WHERE id = '" + frameworkId + "'")).isEqualTo(1);
      List<String> tasks = suite.strings("SELECT task_id FROM master.task WHERE framework_id = '" + frameworkId + "'");
      assertThat(tasks).containsExactlyInAnyOrderElementsOf(taskOnAgent.values());
      List<Envelope> machineEvents = suite.records(Topics.MACHINE_STATE).stream().map(codec::read).toList();
      assertThat(new HashSet<>(machineEvents.stream().map(Envelope::eventId).toList()))
          .as("no machine-state event twice").hasSize(machineEvents.size());
      JsonNode status = json.readTree(maintenance("GET", "/maintenance/status", null).bodyText());
      assertThat(status.path("draining_machines")).as("B still draining, A up again").hasSize(1);
      assertThat(status.path("draining_machines").path(0).path("id").path("hostname").asString())
          .isEqualTo(machineB.hostname());
    }
  }

  private record TimedInverseOffer(InverseOfferEvent event, long arrivedAt) {}

  /** The latest inverse offer for the agent that arrived after {@code after} (nanoTime), or null. */
  private static InverseOfferEvent latest(List<TimedInverseOffer> offers, String agentId, long after) {
    InverseOfferEvent found = null;
    for (TimedInverseOffer o : offers) {
      if (o.event().agentId().equals(agentId) && o.arrivedAt() > after) {
        found = o.event();
      }
    }
    return found;
  }

  private static Set<String> runningTasks(List<TaskStatusUpdate> updates) {
    Set<String> ids = new HashSet<>();
    updates.stream().filter(u -> u.state() == TaskState.TASK_RUNNING).forEach(u -> ids.add(u.taskId()));
    return ids;
  }

  /** hostname → [framework/status] of every draining machine. */
  private Map<String, List<String>> statuses() {
    JsonNode status = json.readTree(maintenance("GET", "/maintenance/status", null).bodyText());
    Map<String, List<String>> out = new ConcurrentHashMap<>();
    for (JsonNode machine : status.path("draining_machines")) {
      List<String> entries = new ArrayList<>();
      machine.path("statuses").forEach(s -> entries.add(s.path("framework_id").path("value").asString() + "/"
          + s.path("status").asString()));
      out.put(machine.path("id").path("hostname").asString(), entries);
    }
    return out;
  }

  private List<String> agentHostnames() {
    JsonNode slaves = json.readTree(suite.call(suite.masterPort(leaderIndex()), "GET", "/master/slaves", null)
        .bodyText());
    List<String> hostnames = new ArrayList<>();
    slaves.path("slaves").forEach(agent -> hostnames.add(agent.path("hostname").asString()));
    return hostnames;
  }

  private RawHttp.Response maintenance(String method, String path, String body) {
    return suite.call(suite.maintenancePort(), method, path, body);
  }

  private static String machineJson(MachineId machine) {
    return "{\"hostname\":\"" + machine.hostname() + "\",\"ip\":\"" + machine.ip() + "\"}";
  }

  private static long running(Map<String, TaskState> states) {
    return states.values().stream().filter(s -> s == TaskState.TASK_RUNNING).count();
  }

  /** The replica that leads now (among those running). */
  private int leaderIndex() {
    for (int i = 0; i < 2; i++) {
      if (suite.master(i) != null && leadership(i).isLeader()) {
        return i;
      }
    }
    throw new IllegalStateException("no leading replica");
  }

  private Leadership leadership(int index) {
    ConfigurableApplicationContext master = suite.master(index);
    return master.getBean(Leadership.class);
  }
}
