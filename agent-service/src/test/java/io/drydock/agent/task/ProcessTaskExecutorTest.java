package io.drydock.agent.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.agentprotocol.StatusUpdate;
import io.drydock.agentprotocol.TaskReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Real child processes: exit codes, sandboxes, SIGTERM then SIGKILL, and recovery from the work directory. */
class ProcessTaskExecutorTest {

  private static final String FRAMEWORK = "fw-1";

  @TempDir Path workDir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final JsonMapper json = JsonMapper.builder().build();
  private final List<ProcessTaskExecutor> executors = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    executors.forEach(executor -> executor.shutdown(Duration.ZERO));
    executors.forEach(executor -> await().atMost(Duration.ofSeconds(10)).until(() -> executor.tasks.isEmpty()));
    scheduler.shutdownNow();
  }

  private ProcessTaskExecutor executor() {
    ProcessTaskExecutor executor = new ProcessTaskExecutor(workDir, json, Clock.systemUTC(), scheduler,
        Duration.ofSeconds(5));
    executors.add(executor);
    return executor;
  }

  private static LaunchTasks launch(String taskId, String command) {
    return launch(taskId, command, Map.of());
  }

  private static LaunchTasks launch(String taskId, String command, Map<String, String> env) {
    return new LaunchTasks(FRAMEWORK, List.of(new LaunchTasks.Task(taskId, taskId, "cpus:0.1;mem:32", command, env,
        Map.of())));
  }

  private static List<String> states(TaskExecutor executor, String taskId) {
    return executor.updates().pending(1000).stream().filter(u -> u.taskId().equals(taskId))
        .map(StatusUpdate::state).toList();
  }

  private static StatusUpdate last(TaskExecutor executor, String taskId) {
    List<StatusUpdate> updates = executor.updates().pending(1000).stream()
        .filter(u -> u.taskId().equals(taskId)).toList();
    return updates.get(updates.size() - 1);
  }

  @Test
  void commandThatExitsZeroFinishesWithItsOutputKeptInTheSandbox() throws Exception {
    ProcessTaskExecutor executor = executor();

    executor.launch(launch("hello", "echo \"hello $GREETING\"; echo oops >&2; pwd > where",
        Map.of("GREETING", "world")));

    await().atMost(Duration.ofSeconds(10)).until(() -> states(executor, "hello").contains(TaskState.FINISHED));
    assertThat(states(executor, "hello")).containsExactly(TaskState.RUNNING, TaskState.FINISHED);
    Path sandbox = executor.sandbox(FRAMEWORK, "hello");
    assertThat(Files.readString(sandbox.resolve("stdout"))).isEqualTo("hello world\n");
    assertThat(Files.readString(sandbox.resolve("stderr"))).isEqualTo("oops\n");
    assertThat(Files.readString(sandbox.resolve("where")).trim()).isEqualTo(sandbox.toString());
  }

  @Test
  void nonZeroExitFails() {
    ProcessTaskExecutor executor = executor();

    executor.launch(launch("broken", "exit 3"));

    await().atMost(Duration.ofSeconds(10)).until(() -> states(executor, "broken").contains(TaskState.FAILED));
    assertThat(last(executor, "broken").message()).isEqualTo("Command exited with status 3");
    assertThat(last(executor, "broken").reason()).isEqualTo(TaskState.REASON_COMMAND_EXECUTOR_FAILED);
  }

  @Test
  void killSendsSigtermFirst() {
    ProcessTaskExecutor executor = executor();
    executor.launch(launch("sleeper", "sleep 60"));

    long start = System.nanoTime();
    executor.kill(FRAMEWORK, "sleeper", Duration.ofSeconds(30));

    await().atMost(Duration.ofSeconds(10)).until(() -> states(executor, "sleeper").contains(TaskState.KILLED));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(last(executor, "sleeper").message()).isEqualTo("Command terminated with signal 15");
  }

  @Test
  void killSendsSigkillAfterTheGracePeriodToACommandIgnoringSigterm() throws Exception {
    ProcessTaskExecutor executor = executor();
    executor.launch(launch("stubborn", "trap '' TERM; echo ready; sleep 60"));
    Path stdout = executor.sandbox(FRAMEWORK, "stubborn").resolve("stdout");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(stdout) && Files.readString(stdout).contains("ready"));

    executor.kill(FRAMEWORK, "stubborn", Duration.ofMillis(300));

    await().atMost(Duration.ofSeconds(10)).until(() -> states(executor, "stubborn").contains(TaskState.KILLED));
    assertThat(last(executor, "stubborn").message()).isEqualTo("Command terminated with signal 9");
  }

  @Test
  void badTaskDefinitionsAreRefusedWithClearMessages() {
    ProcessTaskExecutor executor = executor();

    assertThatThrownBy(() -> executor.launch(launch("no-command", null)))
        .isInstanceOf(TaskDefinitionException.class).hasMessageContaining("Task 'no-command' has no command");
    assertThatThrownBy(() -> executor.launch(new LaunchTasks(FRAMEWORK, List.of(
        new LaunchTasks.Task("t", "t", "cpus:x", "true", Map.of(), Map.of())))))
        .isInstanceOf(TaskDefinitionException.class)
        .hasMessageContaining("Task 't' has invalid resources: Bad value for resources, invalid scalar 'x'");
    assertThatThrownBy(() -> executor.launch(launch("../escape", "true")))
        .isInstanceOf(TaskDefinitionException.class).hasMessageContaining("Invalid task id '../escape'");
    assertThatThrownBy(() -> executor.launch(new LaunchTasks(" ", List.of())))
        .isInstanceOf(TaskDefinitionException.class).hasMessageContaining("Invalid framework id");
    executor.launch(launch("twice", "sleep 60"));
    assertThatThrownBy(() -> executor.launch(launch("twice", "true")))
        .isInstanceOf(TaskDefinitionException.class).hasMessageContaining("already known");
  }

  @Test
  void killOfAnUnknownTaskAnswersTaskLost() {
    ProcessTaskExecutor executor = executor();

    executor.kill(FRAMEWORK, "ghost", Duration.ZERO);

    assertThat(last(executor, "ghost").state()).isEqualTo(TaskState.LOST);
    assertThat(last(executor, "ghost").reason()).isEqualTo(TaskState.REASON_TASK_UNKNOWN);
  }

  @Test
  void acknowledgedTerminalTasksAreForgotten() {
    ProcessTaskExecutor executor = executor();
    executor.launch(launch("quick", "true"));
    await().atMost(Duration.ofSeconds(10)).until(() -> states(executor, "quick").contains(TaskState.FINISHED));
    assertThat(executor.reports()).extracting(TaskReport::state).containsExactly(TaskState.FINISHED);

    executor.acknowledged(executor.updates().acknowledge(
        executor.updates().pending(100).stream().map(StatusUpdate::statusUuid).toList()));

    assertThat(executor.reports()).isEmpty();
    assertThat(workDir.resolve("meta/tasks").resolve(FRAMEWORK).resolve("quick")).doesNotExist();
    assertThat(executor.sandbox(FRAMEWORK, "quick").resolve("stdout")).exists();
  }

  @Test
  void restartRecoversRunningTasksAndReportsTasksThatEndedMeanwhile() throws Exception {
    ProcessTaskExecutor before = executor();
    before.launch(launch("waits", "while [ ! -f go ]; do sleep 0.05; done; exit 4"));
    before.launch(launch("ends-while-away", "while [ ! -f go ]; do sleep 0.05; done"));
    before.launch(launch("long", "sleep 60"));
    await().atMost(Duration.ofSeconds(10)).until(() -> before.updates().size() == 3);
    before.close();

    Files.createFile(before.sandbox(FRAMEWORK, "ends-while-away").resolve("go"));
    Path exitFile = workDir.resolve("meta/tasks").resolve(FRAMEWORK).resolve("ends-while-away").resolve("exit_status");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(exitFile));

    ProcessTaskExecutor after = executor();

    assertThat(states(after, "ends-while-away")).containsExactly(TaskState.RUNNING, TaskState.FINISHED);
    assertThat(after.reports()).extracting(TaskReport::taskId, TaskReport::state).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("waits", TaskState.RUNNING),
        org.assertj.core.groups.Tuple.tuple("long", TaskState.RUNNING),
        org.assertj.core.groups.Tuple.tuple("ends-while-away", TaskState.FINISHED));

    Files.createFile(after.sandbox(FRAMEWORK, "waits").resolve("go"));
    await().atMost(Duration.ofSeconds(10)).until(() -> states(after, "waits").contains(TaskState.FAILED));
    assertThat(last(after, "waits").message()).isEqualTo("Command exited with status 4");

    after.kill(FRAMEWORK, "long", Duration.ofSeconds(5));
    await().atMost(Duration.ofSeconds(10)).until(() -> states(after, "long").contains(TaskState.KILLED));
  }

  @Test
  void shutdownKillsEveryTaskAndReportsNothingMore() {
    ProcessTaskExecutor executor = executor();
    executor.launch(launch("a", "sleep 60"));
    executor.launch(launch("b", "sleep 60"));
    List<Long> pids = ProcessHandle.current().children().map(ProcessHandle::pid).toList();

    executor.shutdown(Duration.ofSeconds(5));

    await().atMost(Duration.ofSeconds(10)).until(() -> executor.reports().isEmpty());
    assertThat(executor.updates().size()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> pids.stream().noneMatch(
        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
  }
}
