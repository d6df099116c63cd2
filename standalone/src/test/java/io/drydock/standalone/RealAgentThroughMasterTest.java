package io.drydock.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.agent.AgentApplication;
import io.drydock.events.OfferEvent;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.sdk.DrydockSchedulerDriver;
import io.drydock.sdk.Scheduler;
import io.drydock.sdk.SchedulerDriver;
import io.drydock.sdk.SchedulerOptions;
import io.drydock.sdk.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A real agent (agent-service running commands as child processes, not simulated) registered with the real
 * master of the standalone suite, driven by a framework through the SDK: exit codes map to TASK_FINISHED and
 * TASK_FAILED; a kill sends SIGTERM (which the task ignores) and then SIGKILL → TASK_KILLED; across a restart
 * of agent-service on the same work directory the agent keeps its id, its running task stays RUNNING (and the
 * master's reconciliation says so) and a task whose process ended while the agent was down is reported
 * terminal with its real exit status.
 */
class RealAgentThroughMasterTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String HOSTNAME = "real-agent-it";

  @TempDir Path dataDir;
  @TempDir Path workDir;

  @Test
  void realProcessesRunThroughTheMasterAndSurviveAnAgentRestart() throws Exception {
    StandaloneOptions options = OperatorClient.options(dataDir, 1, "--drydock.master.allocation.interval=200ms");
    try (Standalone suite = Standalone.start(options)) {
      OperatorClient operator = new OperatorClient(options, suite.operatorCredentials());
      int agentPort = OperatorClient.freePortPair();
      ConfigurableApplicationContext agent = startAgent(options, suite.operatorCredentials(), agentPort);
      try {
        Queue<String[]> pending = new ConcurrentLinkedQueue<>();
        List<TaskStatusUpdate> updates = new CopyOnWriteArrayList<>();
        Scheduler scheduler = new Scheduler() {
          @Override
          public void offer(SchedulerDriver driver, OfferEvent offer) {
            if (!offer.hostname().equals(HOSTNAME) || pending.isEmpty()) {
              driver.decline(List.of(offer.offerId()), HOSTNAME.equals(offer.hostname()) ? 0.2 : 3600);
              return;
            }
            List<TaskSpec> tasks = new ArrayList<>();
            for (String[] task; (task = pending.poll()) != null; ) {
              tasks.add(TaskSpec.command(task[0], offer.agentId(), 0.1, 16, task[1]));
            }
            driver.launch(List.of(offer.offerId()), tasks, 0.2);
          }

          @Override
          public void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {
            updates.add(update);
          }
        };
        SchedulerOptions framework = SchedulerOptions.of("http://localhost:" + options.masterPort(),
                "localhost:" + options.kafkaPort(), "real-process-framework")
            .withCredentials(suite.operatorCredentials().principal(), suite.operatorCredentials().secret());
        try (DrydockSchedulerDriver driver = new DrydockSchedulerDriver(framework, scheduler)) {
          String frameworkId = driver.start();
          pending.add(new String[] {"exits-0", "exit 0"});
          pending.add(new String[] {"exits-3", "exit 3"});
          // every command ends by itself within minutes, so a failed run leaves no process behind for long
          pending.add(new String[] {"ignores-term", "trap 'echo got SIGTERM >> term.log' TERM; "
              + "i=0; while [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done"});
          pending.add(new String[] {"long", "sleep 300"});
          pending.add(new String[] {"ends-while-down",
              "i=0; while [ ! -f go ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done; exit 4"});

          TaskStatusUpdate finished = await().atMost(WAIT).until(() -> last(updates, "exits-0"), terminal());
          assertThat(finished.state()).isEqualTo(TaskState.TASK_FINISHED);
          TaskStatusUpdate failed = await().atMost(WAIT).until(() -> last(updates, "exits-3"), terminal());
          assertThat(failed.state()).isEqualTo(TaskState.TASK_FAILED);
          assertThat(failed.message()).isEqualTo("Command exited with status 3");

          await().atMost(WAIT).until(() -> state(updates, "ignores-term") == TaskState.TASK_RUNNING
              && state(updates, "long") == TaskState.TASK_RUNNING
              && state(updates, "ends-while-down") == TaskState.TASK_RUNNING);
          String agentId = last(updates, "long").agentId();
          Path sandboxes = workDir.resolve("sandboxes").resolve(frameworkId);
          driver.kill("ignores-term", agentId);
          TaskStatusUpdate killed = await().atMost(WAIT).until(() -> last(updates, "ignores-term"), terminal());
          assertThat(killed.state()).isEqualTo(TaskState.TASK_KILLED);
          assertThat(Files.readString(sandboxes.resolve("ignores-term/term.log")))
              .as("SIGTERM reached the task, which ignored it; SIGKILL ended it").contains("got SIGTERM");

          // agent-service stops; one task's process ends meanwhile; it starts again on the same work directory
          agent.close();
          Files.createFile(sandboxes.resolve("ends-while-down/go"));
          await().atMost(WAIT).until(() ->
              Files.exists(workDir.resolve("meta/tasks").resolve(frameworkId).resolve("ends-while-down/exit_status")));
          agent = startAgent(options, suite.operatorCredentials(), agentPort);

          TaskStatusUpdate endedWhileDown = await().atMost(WAIT)
              .until(() -> last(updates, "ends-while-down"), terminal());
          assertThat(endedWhileDown.state()).isEqualTo(TaskState.TASK_FAILED);
          assertThat(endedWhileDown.message()).isEqualTo("Command exited with status 4");
          List<JsonNode> realAgents = operator.agents().stream()
              .filter(a -> a.path("hostname").asString().equals(HOSTNAME)).toList();
          assertThat(realAgents).as("re-registered under the same id").hasSize(1);
          assertThat(realAgents.get(0).path("id").asString()).isEqualTo(agentId);

          int before = updates.size();
          driver.reconcile(List.of(new TaskSpec.TaskRef("long", agentId)));
          await().atMost(WAIT).until(() -> updates.subList(before, updates.size()).stream()
              .anyMatch(u -> u.taskId().equals("long") && u.state() == TaskState.TASK_RUNNING));
          assertThat(state(updates, "long")).isEqualTo(TaskState.TASK_RUNNING);

          driver.kill("long", agentId);
          assertThat(await().atMost(WAIT).until(() -> last(updates, "long"), terminal()).state())
              .as("the recovered process can be killed").isEqualTo(TaskState.TASK_KILLED);
        }
      } finally {
        agent.close();
      }
    }
  }

  /** agent-service as one real agent (tasks are processes), pointed at the suite's master. */
  private ConfigurableApplicationContext startAgent(StandaloneOptions options, BootstrapCredentials credential,
      int port) {
    return AgentApplication.start(Map.of(),
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:postgresql://localhost:" + options.postgresPort() + "/postgres",
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--spring.kafka.bootstrap-servers=localhost:" + options.kafkaPort(),
        "--spring.main.register-shutdown-hook=false",
        "--spring.main.banner-mode=off",
        "--spring.profiles.active=plain-logs",
        "--drydock.security.auth-service-url=http://localhost:" + options.authPort(),
        "--drydock.security.credentials=file:" + credential.file().toAbsolutePath(),
        "--drydock.security.operators=" + credential.principal(),
        "--drydock.agent.master-url=http://localhost:" + options.masterPort(),
        "--drydock.agent.principal=" + credential.principal(),
        "--drydock.agent.secret=" + credential.secret(),
        "--drydock.agent.hostname=" + HOSTNAME,
        "--drydock.agent.ip=127.0.0.1",
        "--drydock.agent.advertised-url=http://localhost:" + port,
        "--drydock.agent.resources=cpus:2;mem:1024;disk:1024;ports:[31000-31010]",
        "--drydock.agent.work-dir=" + workDir,
        "--drydock.agent.kill-grace-period=1s",
        "--drydock.agent.backoff.initial=100ms",
        "--drydock.agent.backoff.max=500ms");
  }

  private static TaskStatusUpdate last(List<TaskStatusUpdate> updates, String taskId) {
    TaskStatusUpdate found = null;
    for (TaskStatusUpdate u : updates) {
      if (u.taskId().equals(taskId)) {
        found = u;
      }
    }
    return found;
  }

  private static TaskState state(List<TaskStatusUpdate> updates, String taskId) {
    TaskStatusUpdate u = last(updates, taskId);
    return u == null ? null : u.state();
  }

  private static Predicate<TaskStatusUpdate> terminal() {
    return u -> u != null && u.state().isTerminal();
  }
}
