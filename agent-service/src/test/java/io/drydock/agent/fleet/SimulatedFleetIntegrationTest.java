package io.drydock.agent.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.agent.FakeMaster;
import io.drydock.agent.registration.AgentSession;
import io.drydock.agent.task.SimulatedTaskExecutor;
import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.agentprotocol.Paths;
import io.drydock.agentprotocol.RegisterAgent;
import io.drydock.testsupport.DrydockIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Fifty simulated agents in one process register with a fake master and run simulated tasks. */
@DrydockIntegrationTest(properties = {
    "drydock.agent.simulated.count=50",
    "drydock.agent.simulated.hostname-prefix=it-sim-",
    "drydock.agent.simulated.resources=cpus:4;mem:8192;cpus(batch):2",
    "drydock.agent.principal=agent",
    "drydock.agent.secret=agent-secret",
    "drydock.agent.backoff.initial=50ms",
    "drydock.agent.backoff.max=200ms",
    "drydock.security.credentials=classpath:credentials.json"})
class SimulatedFleetIntegrationTest {

  private static final Duration BOUND = Duration.ofSeconds(20);
  static final FakeMaster master = new FakeMaster();

  static {
    master.heartbeatIntervalSeconds = 1;
  }

  @DynamicPropertySource
  static void master(DynamicPropertyRegistry registry) {
    registry.add("drydock.agent.master-url", master::url);
  }

  @AfterAll
  static void stopMaster() {
    master.close();
  }

  @LocalServerPort int port;
  @Autowired Fleet fleet;
  @Autowired JdbcTemplate jdbc;

  private void allRegistered() {
    await().atMost(BOUND).until(() -> fleet.sessions().stream().allMatch(AgentSession::isRegistered));
  }

  @Test
  void fiftyAgentsRegisterAsDistinctMachines() {
    allRegistered();

    List<RegisterAgent> agents = List.copyOf(master.agents.values());
    assertThat(agents).hasSize(50);
    assertThat(agents).extracting(RegisterAgent::hostname).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, 50).mapToObj(i -> "it-sim-" + i).toList());
    assertThat(agents.stream().map(RegisterAgent::ip).collect(Collectors.toSet()))
        .hasSize(50).contains("127.0.1.1", "127.0.1.50");
    assertThat(agents).allSatisfy(agent -> {
      assertThat(agent.resources()).isEqualTo("cpus:4;mem:8192;cpus(batch):2");
      assertThat(agent.endpoint()).isEqualTo("http://127.0.0.1:" + port);
    });
    assertThat(jdbc.queryForObject("SELECT count(*) FROM agent.agent_identity WHERE hostname LIKE 'it-sim-%'",
        Integer.class)).isEqualTo(50);
  }

  @Test
  void theFiftyAgentsHeartbeatInOneCallPerIntervalAndAForgottenOneRegistersAgain() {
    allRegistered();
    int batches = master.heartbeatBatches.size();
    await().atMost(BOUND).until(() -> master.heartbeatBatches.size() >= batches + 2);
    List<List<String>> sent = List.copyOf(master.heartbeatBatches);
    assertThat(sent.get(sent.size() - 1)).as("one call carries every agent")
        .containsExactlyInAnyOrderElementsOf(fleet.sessions().stream().map(AgentSession::agentId).toList());
    assertThat(master.heartbeats.get()).as("no single-agent heartbeats").isZero();

    String forgotten = fleet.sessions().get(3).agentId();
    int registrations = master.registrations.size();
    master.forget(forgotten);
    await().atMost(BOUND).until(() -> master.registrations.size() > registrations
        && master.agents.containsKey(forgotten) && fleet.sessions().get(3).isRegistered());
    assertThat(master.registrations.subList(registrations, master.registrations.size()))
        .extracting(RegisterAgent::agentId).containsExactly(forgotten);
  }

  @Test
  void simulatedTasksRunForTheirLabelledDurationAndEndWithTheirExitCode() {
    allRegistered();
    String agentId = fleet.sessions().get(6).agentId();

    HttpResponse<String> accepted = master.call("http://127.0.0.1:" + port, Paths.LAUNCH, agentId,
        new LaunchTasks("fw-sim", List.of(
            task("sim-ok", Map.of(SimulatedTaskExecutor.DURATION_LABEL, "0.2")),
            task("sim-fail", Map.of(SimulatedTaskExecutor.DURATION_LABEL, "0.1", SimulatedTaskExecutor.EXIT_CODE_LABEL, "1")),
            task("sim-forever", Map.of()))));

    assertThat(accepted.statusCode()).isEqualTo(202);
    await().atMost(BOUND).until(() -> master.states("sim-ok").contains("TASK_FINISHED")
        && master.states("sim-fail").contains("TASK_FAILED"));
    assertThat(master.states("sim-forever")).containsExactly("TASK_RUNNING");
    assertThat(master.last("sim-fail").message()).isEqualTo("Command exited with status 1");
  }

  @Test
  void aBadDurationLabelIsRefused() {
    allRegistered();
    String agentId = fleet.sessions().get(0).agentId();

    HttpResponse<String> refused = master.call("http://127.0.0.1:" + port, Paths.LAUNCH, agentId,
        new LaunchTasks("fw-sim", List.of(task("sim-bad", Map.of(SimulatedTaskExecutor.DURATION_LABEL, "soon")))));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("invalid drydock.sim.duration-seconds label 'soon'");
  }

  private static LaunchTasks.Task task(String id, Map<String, String> labels) {
    return new LaunchTasks.Task(id, id, "cpus:1;mem:128", null, Map.of(), labels);
  }
}
