package io.drydock.agent.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.agent.AgentProperties;
import io.drydock.agent.FakeMaster;
import io.drydock.agent.identity.AgentIdStore;
import io.drydock.agent.identity.MachineIdentity;
import io.drydock.agent.resources.AgentResources;
import io.drydock.agent.task.SimulatedTaskExecutor;
import io.drydock.agent.task.StatusUpdateQueue;
import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.agentprotocol.RegisterAgent;
import io.drydock.agentprotocol.Shutdown;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** One agent's session against a fake master: backoff, refusals, heartbeats, acknowledgements, shutdown. */
class AgentSessionTest {

  private static final Duration BOUND = Duration.ofSeconds(10);

  private final FakeMaster master = new FakeMaster();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final MemoryIds ids = new MemoryIds();
  private final MachineIdentity machine = new MachineIdentity("host-1", "10.0.0.1");
  private AgentSession session;

  @AfterEach
  void stop() {
    if (session != null) {
      session.stop();
    }
    scheduler.shutdownNow();
    master.close();
  }

  private final AgentProperties properties = new AgentProperties(URI.create(master.url()), null, null, null, "",
      null, "agent", "agent-secret", null, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(5),
      new AgentProperties.Backoff(Duration.ofMillis(20), Duration.ofMillis(100)), Duration.ofMillis(50),
      new AgentProperties.Simulated(0, "cpus:1", "sim-", 16));

  private MasterClient client() {
    return new MasterClient(properties.masterUrl(), properties.principal(), properties.secret(),
        JsonMapper.builder().build(), properties.requestTimeout(), 16);
  }

  private AgentSession session() {
    return session(null);
  }

  private AgentSession session(FleetHeartbeats heartbeats) {
    AgentResources resources = AgentResources.of("cpus(sales):4;mem:1024", "rack:r1", Map.of(), "resources");
    session = new AgentSession(machine, resources, URI.create("http://127.0.0.1:1"), ids.find(machine).orElse(null),
        new SimulatedTaskExecutor(StatusUpdateQueue.inMemory(), Clock.systemUTC(), scheduler), ids, client(),
        scheduler, properties, (s, old) -> {}, heartbeats);
    session.start(Duration.ZERO);
    return session;
  }

  private static LaunchTasks simulated(String taskId, String seconds) {
    return new LaunchTasks("fw", List.of(new LaunchTasks.Task(taskId, taskId, "cpus:1", null, Map.of(),
        seconds == null ? Map.of() : Map.of(SimulatedTaskExecutor.DURATION_LABEL, seconds))));
  }

  @Test
  void registersWithIdentityResourcesAndCredentialsAndKeepsTheId() {
    AgentSession session = session();

    await().atMost(BOUND).until(session::isRegistered);
    RegisterAgent first = master.registrations.get(0);
    assertThat(first.agentId()).isNull();
    assertThat(first.hostname()).isEqualTo("host-1");
    assertThat(first.ip()).isEqualTo("10.0.0.1");
    assertThat(first.resources()).isEqualTo("cpus(sales):4;mem:1024");
    assertThat(first.attributes()).containsEntry("rack", "r1");
    assertThat(master.unauthenticated).isEmpty();
    assertThat(ids.find(machine)).contains(session.agentId());
    await().atMost(BOUND).until(() -> master.heartbeats.get() >= 2);
  }

  @Test
  void keepsRetryingWhileRefusedAndRegistersOnceAccepted() {
    master.refuseNext.set(3);

    AgentSession session = session();

    await().atMost(BOUND).until(session::isRegistered);
    assertThat(master.registrations).hasSize(4);
  }

  @Test
  void statusUpdatesAreResentUntilAcknowledged() {
    master.failNextStatusUpdates.set(3);
    AgentSession session = session();
    await().atMost(BOUND).until(session::isRegistered);

    session.launch(simulated("t1", "0"));

    await().atMost(BOUND).until(() -> master.states("t1").contains("TASK_FINISHED"));
    assertThat(master.statusUpdateAttempts.get()).isGreaterThanOrEqualTo(4);
    assertThat(master.states("t1")).containsExactly("TASK_RUNNING", "TASK_FINISHED");
    await().atMost(BOUND).until(() -> session.tasks().reports().isEmpty() && session.tasks().updates().size() == 0);
  }

  @Test
  void registersAgainWithItsTasksWhenTheMasterForgetsIt() {
    AgentSession session = session();
    await().atMost(BOUND).until(session::isRegistered);
    session.launch(simulated("long", null));
    String id = session.agentId();

    master.forget(id);

    await().atMost(BOUND).until(() -> master.registrations.size() == 2 && session.isRegistered());
    RegisterAgent again = master.registrations.get(1);
    assertThat(again.agentId()).isEqualTo(id);
    assertThat(again.runningTasks()).singleElement()
        .satisfies(task -> assertThat(task.taskId()).isEqualTo("long"));
  }

  @Test
  void fleetHeartbeatsFallBackToOneCallPerAgentWhenTheMasterDoesNotServeBatches() {
    master.servesBatchedHeartbeats = false;
    FleetHeartbeats heartbeats = new FleetHeartbeats(client(), scheduler,
        () -> session == null ? List.of() : List.of(session));
    try {
      AgentSession session = session(heartbeats);
      await().atMost(BOUND).until(() -> master.heartbeats.get() >= 2);
      assertThat(master.heartbeatBatches).isEmpty();
      assertThat(session.isRegistered()).isTrue();
      assertThat(master.registrations).hasSize(1);

      master.forget(session.agentId());
      await().atMost(BOUND).until(() -> master.registrations.size() == 2 && session.isRegistered());
    } finally {
      heartbeats.stop();
    }
  }

  @Test
  void shutdownKillsTasksStopsOfferingAndRegistersAfreshOnceAccepted() {
    AgentSession session = session();
    await().atMost(BOUND).until(session::isRegistered);
    session.launch(simulated("long", null));
    String oldId = session.agentId();
    master.refuseNext.set(2);
    master.refuseWithShutdown = true;

    session.shutdown(new Shutdown("Operator initiated 'Machine DOWN'"));

    assertThat(session.isRegistered()).isFalse();
    assertThat(session.tasks().reports()).isEmpty();
    await().atMost(BOUND).until(session::isRegistered);
    assertThat(session.agentId()).isNotEqualTo(oldId);
    assertThat(master.registrations).hasSize(4);
    assertThat(master.registrations.subList(1, 4)).allSatisfy(r -> {
      assertThat(r.agentId()).isNull();
      assertThat(r.runningTasks()).isEmpty();
    });
    assertThat(master.states("long")).doesNotContain("TASK_KILLED");
  }

  /** Agent ids in memory. */
  static final class MemoryIds implements AgentIdStore {
    final Map<MachineIdentity, String> ids = new ConcurrentHashMap<>();

    @Override
    public Optional<String> find(MachineIdentity machine) {
      return Optional.ofNullable(ids.get(machine));
    }

    @Override
    public Map<MachineIdentity, String> findAll() {
      return Map.copyOf(ids);
    }

    @Override
    public void save(MachineIdentity machine, String agentId) {
      ids.put(machine, agentId);
    }

    @Override
    public void forget(MachineIdentity machine) {
      ids.remove(machine);
    }
  }
}
