package io.drydock.agent.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.agent.AgentApplication;
import io.drydock.agent.FakeMaster;
import io.drydock.agentprotocol.KillTask;
import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.agentprotocol.Paths;
import io.drydock.agentprotocol.RegisterAgent;
import io.drydock.agentprotocol.TaskReport;
import io.drydock.testsupport.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * agent-service restarts (a new Spring context on the same work directory): it re-registers with the same
 * agent id and its still running task, reports the task that ended while it was down with its real exit
 * status, and can still kill the recovered process.
 */
class AgentRecoveryIntegrationTest {

  private static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir Path workDir;
  private final FakeMaster master = new FakeMaster();
  private ConfigurableApplicationContext context;

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
    master.close();
  }

  private ConfigurableApplicationContext start() {
    Infrastructure infrastructure = Infrastructure.get();
    return AgentApplication.start(Map.of(),
        "--server.port=0",
        "--spring.datasource.url=" + infrastructure.jdbcUrl(),
        "--spring.datasource.username=" + infrastructure.username(),
        "--spring.datasource.password=" + infrastructure.password(),
        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
        "--spring.main.banner-mode=off",
        "--spring.profiles.active=plain-logs",
        "--drydock.security.credentials=classpath:credentials.json",
        "--drydock.agent.master-url=" + master.url(),
        "--drydock.agent.work-dir=" + workDir,
        "--drydock.agent.hostname=it-recovery",
        "--drydock.agent.ip=10.7.7.7",
        "--drydock.agent.principal=agent",
        "--drydock.agent.secret=agent-secret",
        "--drydock.agent.backoff.initial=50ms",
        "--drydock.agent.backoff.max=200ms");
  }

  private String url() {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  @Test
  void restartedAgentRecoversRunningTasksAndReportsTasksThatEndedMeanwhile() throws Exception {
    context = start();
    await().atMost(BOUND).until(() -> !master.agents.isEmpty());
    String agentId = master.registrations.get(0).agentId() == null
        ? master.agents.keySet().iterator().next() : master.registrations.get(0).agentId();
    master.call(url(), Paths.LAUNCH, agentId, new LaunchTasks("fw-r", List.of(
        task("r-long", "sleep 60"),
        task("r-ends", "while [ ! -f go ]; do sleep 0.05; done; exit 0"))));
    await().atMost(BOUND).until(() -> master.states("r-long").contains("TASK_RUNNING")
        && master.states("r-ends").contains("TASK_RUNNING"));
    context.close();
    int registrationsBefore = master.registrations.size();

    Files.createFile(workDir.resolve("sandboxes/fw-r/r-ends/go"));
    await().atMost(BOUND).until(() -> Files.exists(workDir.resolve("meta/tasks/fw-r/r-ends/exit_status")));
    context = start();

    await().atMost(BOUND).until(() -> master.registrations.size() > registrationsBefore);
    RegisterAgent again = master.registrations.get(registrationsBefore);
    assertThat(again.agentId()).isEqualTo(agentId);
    assertThat(again.runningTasks()).extracting(TaskReport::taskId, TaskReport::state)
        .contains(org.assertj.core.groups.Tuple.tuple("r-long", "TASK_RUNNING"));
    await().atMost(BOUND).until(() -> master.states("r-ends").contains("TASK_FINISHED"));

    assertThat(master.call(url(), Paths.KILL, agentId, new KillTask("fw-r", "r-long", 5.0)).statusCode())
        .isEqualTo(202);
    await().atMost(BOUND).until(() -> master.states("r-long").contains("TASK_KILLED"));
  }

  private static LaunchTasks.Task task(String id, String command) {
    return new LaunchTasks.Task(id, id, "cpus:0.1", command, Map.of(), Map.of());
  }
}
