package io.drydock.agent.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.agent.FakeMaster;
import io.drydock.agent.registration.AgentSession;
import io.drydock.agentprotocol.KillTask;
import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.agentprotocol.Paths;
import io.drydock.agentprotocol.RegisterAgent;
import io.drydock.agentprotocol.Shutdown;
import io.drydock.testsupport.DrydockIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * agent-service boots on real PostgreSQL and Kafka (probes, its own schema, authenticated endpoints) and runs
 * the real agent of this machine, end to end over HTTP against a fake
 * master: real processes, real states.
 */
@DrydockIntegrationTest(properties = {
    "drydock.agent.hostname=IT-Real-Agent",
    "drydock.agent.ip=10.9.8.7",
    "drydock.agent.resources=cpus(sales):2;mem:512",
    "drydock.agent.attributes=rack:r1;zone:a",
    "drydock.agent.principal=agent",
    "drydock.agent.secret=agent-secret",
    "drydock.agent.kill-grace-period=2s",
    "drydock.agent.backoff.initial=50ms",
    "drydock.agent.backoff.max=200ms",
    "drydock.agent.status-update-retry=100ms",
    "drydock.security.credentials=classpath:credentials.json"})
class RealAgentIntegrationTest {

  private static final Duration BOUND = Duration.ofSeconds(15);
  static final FakeMaster master = new FakeMaster();
  static final Path workDir = tempDir();

  @DynamicPropertySource
  static void master(DynamicPropertyRegistry registry) {
    registry.add("drydock.agent.master-url", master::url);
    registry.add("drydock.agent.work-dir", workDir::toString);
  }

  @AfterAll
  static void stopMaster() throws IOException {
    master.close();
    FileSystemUtils.deleteRecursively(workDir);
  }

  @LocalServerPort int port;
  @Autowired Fleet fleet;
  @Autowired JdbcTemplate jdbc;

  private AgentSession agent() {
    AgentSession session = fleet.sessions().get(0);
    await().atMost(BOUND).until(session::isRegistered);
    return session;
  }

  private HttpResponse<String> call(String path, String agentId, Object body) {
    return master.call("http://127.0.0.1:" + port, path, agentId, body);
  }

  private static LaunchTasks launch(String taskId, String command) {
    return new LaunchTasks("fw-it", List.of(new LaunchTasks.Task(taskId, taskId, "cpus(sales):0.1;mem:16", command,
        Map.of("WHO", "drydock"), Map.of())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/livez", "/readyz"})
  void probesAnswerOkWithoutCredentials(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void endpointsRequireCredentials() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Paths.forAgent(Paths.LAUNCH, "x")))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void migratesItsOwnSchema() {
    assertThat(jdbc.queryForObject("SELECT count(*) FROM agent.flyway_schema_history WHERE success", Integer.class))
        .isPositive();
  }

  @Test
  void registersItsMachineResourcesAndAttributesAndKeepsItsId() {
    String agentId = agent().agentId();

    RegisterAgent registration = master.agents.get(agentId);
    assertThat(registration.hostname()).isEqualTo("it-real-agent");
    assertThat(registration.ip()).isEqualTo("10.9.8.7");
    assertThat(registration.endpoint()).isEqualTo("http://10.9.8.7:" + port);
    assertThat(registration.resources()).startsWith("cpus(sales):2;mem:512;disk:").endsWith(";ports:[31000-32000]");
    assertThat(registration.attributes()).containsEntry("rack", "r1").containsEntry("zone", "a");
    assertThat(jdbc.queryForObject("SELECT agent_id FROM agent.agent_identity WHERE hostname = ? AND ip = ?",
        String.class, "it-real-agent", "10.9.8.7")).isEqualTo(agentId);
  }

  @Test
  void launchedCommandsRunAsProcessesAndExitCodesBecomeStates() throws IOException {
    String agentId = agent().agentId();

    assertThat(call(Paths.LAUNCH, agentId, launch("it-ok", "echo \"hi $WHO\"")).statusCode()).isEqualTo(202);
    assertThat(call(Paths.LAUNCH, agentId, launch("it-fail", "exit 2")).statusCode()).isEqualTo(202);

    await().atMost(BOUND).until(() -> master.states("it-ok").contains("TASK_FINISHED")
        && master.states("it-fail").contains("TASK_FAILED"));
    assertThat(master.states("it-ok")).containsExactly("TASK_RUNNING", "TASK_FINISHED");
    assertThat(master.last("it-fail").message()).isEqualTo("Command exited with status 2");
    assertThat(Files.readString(workDir.resolve("sandboxes/fw-it/it-ok/stdout"))).isEqualTo("hi drydock\n");
  }

  @Test
  void killEndsTheProcessWithTaskKilled() {
    String agentId = agent().agentId();
    call(Paths.LAUNCH, agentId, launch("it-kill", "sleep 60"));
    await().atMost(BOUND).until(() -> master.states("it-kill").contains("TASK_RUNNING"));

    assertThat(call(Paths.KILL, agentId, new KillTask("fw-it", "it-kill", 5.0)).statusCode()).isEqualTo(202);

    await().atMost(BOUND).until(() -> master.states("it-kill").contains("TASK_KILLED"));
  }

  @Test
  void badLaunchesAndUnknownAgentsAreRefusedWithClearMessages() {
    String agentId = agent().agentId();

    HttpResponse<String> noCommand = call(Paths.LAUNCH, agentId, launch("it-bad", null));
    assertThat(noCommand.statusCode()).isEqualTo(400);
    assertThat(noCommand.body()).contains("Task 'it-bad' has no command");

    HttpResponse<String> badResources = call(Paths.LAUNCH, agentId, new LaunchTasks("fw-it", List.of(
        new LaunchTasks.Task("it-bad2", "x", "cpus(sales:1", "true", Map.of(), Map.of()))));
    assertThat(badResources.statusCode()).isEqualTo(400);
    assertThat(badResources.body()).contains("Task 'it-bad2' has invalid resources");

    HttpResponse<String> unknown = call(Paths.LAUNCH, "no-such-agent", launch("it-x", "true"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No agent with id no-such-agent runs here");
  }

  @Test
  void shutdownKillsEveryTaskAndTheAgentRegistersAfresh() throws IOException {
    AgentSession agent = agent();
    String oldId = agent.agentId();
    call(Paths.LAUNCH, oldId, launch("it-down", "echo $$ > pid; exec sleep 60"));
    Path pidFile = workDir.resolve("sandboxes/fw-it/it-down/pid");
    await().atMost(BOUND).until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
    long pid = Long.parseLong(Files.readString(pidFile).trim());

    assertThat(call(Paths.SHUTDOWN, oldId, new Shutdown("Operator initiated 'Machine DOWN'")).statusCode())
        .isEqualTo(202);

    await().atMost(BOUND).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    await().atMost(BOUND).until(() -> agent.isRegistered() && !oldId.equals(agent.agentId()));
    assertThat(master.states("it-down")).doesNotContain("TASK_KILLED");
    assertThat(call(Paths.LAUNCH, oldId, launch("it-late", "true")).statusCode()).isEqualTo(404);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("agent-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
