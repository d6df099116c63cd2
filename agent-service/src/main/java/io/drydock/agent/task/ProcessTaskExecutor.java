package io.drydock.agent.task;

import io.drydock.agentprotocol.LaunchTasks;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tasks of the real agent: each command runs as {@code /bin/sh -c <command>} in its sandbox
 * {@code <work-dir>/sandboxes/<framework>/<task>} with {@code stdout} / {@code stderr} files there, a clean
 * environment ({@code PATH}, {@code MESOS_SANDBOX}, {@code MESOS_TASK_ID}, {@code MESOS_FRAMEWORK_ID} and
 * the task's variables). A small shell wrapper records the exit status in the task's checkpoint directory,
 * so a task that ends while the agent is down is still reported with its real status. Exit 0 → TASK_FINISHED,
 * otherwise TASK_FAILED; a kill sends SIGTERM to the command's process tree, SIGKILL after the grace period,
 * and reports TASK_KILLED. On construction it recovers the tasks an earlier run left in the work directory.
 */
public final class ProcessTaskExecutor extends TaskExecutor {

  private static final Logger log = LoggerFactory.getLogger(ProcessTaskExecutor.class);

  /** {@code $0} is the command, {@code $1} the exit status file. */
  private static final String WRAPPER =
      "/bin/sh -c \"$0\"; s=$?; echo \"$s\" > \"$1.tmp\" && mv \"$1.tmp\" \"$1\"; exit \"$s\"";

  private final Path workDir;
  private final JsonMapper json;
  private final ScheduledExecutorService scheduler;
  private final Duration defaultGracePeriod;
  private final Map<String, ProcessHandle> processes = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public ProcessTaskExecutor(Path workDir, JsonMapper json, Clock clock, ScheduledExecutorService scheduler,
      Duration defaultGracePeriod) {
    super(StatusUpdateQueue.persistent(workDir.resolve("meta").resolve("updates"), json), clock);
    this.workDir = workDir;
    this.json = json;
    this.scheduler = scheduler;
    this.defaultGracePeriod = defaultGracePeriod;
    recover();
  }

  /** The sandbox of a task: its working directory, with {@code stdout} and {@code stderr}. */
  public Path sandbox(String frameworkId, String taskId) {
    return workDir.resolve("sandboxes").resolve(frameworkId).resolve(taskId);
  }

  private Path meta(String frameworkId, String taskId) {
    return workDir.resolve("meta").resolve("tasks").resolve(frameworkId).resolve(taskId);
  }

  private Path meta(TaskRecord record) {
    return meta(record.frameworkId, record.task.taskId());
  }

  @Override
  protected void validate(LaunchTasks.Task task) {
    if (task.command() == null || task.command().isBlank()) {
      throw new TaskDefinitionException("Task '" + task.taskId() + "' has no command: this agent runs command tasks");
    }
    if (task.environment() != null && task.environment().keySet().stream()
        .anyMatch(name -> name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*"))) {
      throw new TaskDefinitionException("Task '" + task.taskId() + "' has an invalid environment variable name");
    }
  }

  @Override
  protected void start(TaskRecord record) {
    Path sandbox = sandbox(record.frameworkId, record.task.taskId());
    Path exitFile = meta(record).resolve("exit_status");
    try {
      Files.createDirectories(sandbox);
      Files.createDirectories(meta(record));
      Files.deleteIfExists(exitFile);
      checkpoint(record);
      ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", WRAPPER, record.task.command(), exitFile.toString())
          .directory(sandbox.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(sandbox.resolve("stdout").toFile())
          .redirectError(sandbox.resolve("stderr").toFile());
      Map<String, String> env = builder.environment();
      env.clear();
      env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
      env.put("MESOS_SANDBOX", sandbox.toString());
      env.put("MESOS_TASK_ID", record.task.taskId());
      env.put("MESOS_FRAMEWORK_ID", record.frameworkId);
      if (record.task.environment() != null) {
        env.putAll(record.task.environment());
      }
      Process process = builder.start();
      processes.put(record.key(), process.toHandle());
      transition(record, TaskState.RUNNING, null, null);
      process.onExit().thenAccept(p -> exited(record, p.exitValue()));
    } catch (IOException | UncheckedIOException e) {
      log.warn("Cannot launch task {} of framework {}", record.task.taskId(), record.frameworkId, e);
      transition(record, TaskState.FAILED, TaskState.REASON_COMMAND_EXECUTOR_FAILED,
          "Failed to launch the command: " + e.getMessage());
    }
  }

  private void exited(TaskRecord record, int status) {
    if (closed) {
      return;
    }
    processes.remove(record.key());
    if (record.killRequested) {
      transition(record, TaskState.KILLED, null, "Command " + describe(status));
    } else if (status == 0) {
      transition(record, TaskState.FINISHED, null, "Command exited with status 0");
    } else {
      transition(record, TaskState.FAILED, TaskState.REASON_COMMAND_EXECUTOR_FAILED, "Command " + describe(status));
    }
  }

  private static String describe(int status) {
    return status > 128 ? "terminated with signal " + (status - 128) : "exited with status " + status;
  }

  /** A recovered task's process ended: its status is in the exit file the wrapper wrote, if it could. */
  private void exitedWhileAway(TaskRecord record) {
    if (closed) {
      return;
    }
    processes.remove(record.key());
    Optional<Integer> status = readExitStatus(record);
    if (status.isPresent()) {
      exited(record, status.get());
    } else if (record.killRequested) {
      transition(record, TaskState.KILLED, null, "Task killed");
    } else {
      transition(record, TaskState.FAILED, TaskState.REASON_EXECUTOR_TERMINATED,
          "The task's process ended while the agent was down; its exit status is unknown");
    }
  }

  private Optional<Integer> readExitStatus(TaskRecord record) {
    try {
      Path file = meta(record).resolve("exit_status");
      return Files.exists(file) ? Optional.of(Integer.parseInt(Files.readString(file).trim())) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  protected void terminate(TaskRecord record, Duration gracePeriod) {
    checkpoint(record);
    ProcessHandle handle = processes.get(record.key());
    if (handle == null) {
      transition(record, TaskState.KILLED, TaskState.REASON_TASK_KILLED_DURING_LAUNCH, "Task killed");
      return;
    }
    Duration grace = gracePeriod != null ? gracePeriod : defaultGracePeriod;
    List<ProcessHandle> tree = handle.descendants().toList();
    if (grace.isZero() || grace.isNegative()) {
      forceKill(handle, tree);
      return;
    }
    // SIGTERM to the command (the wrapper waits and records its status); the wrapper itself when it has no child
    if (tree.isEmpty()) {
      handle.destroy();
    } else {
      tree.forEach(ProcessHandle::destroy);
    }
    scheduler.schedule(() -> forceKill(handle, tree), grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void forceKill(ProcessHandle handle, List<ProcessHandle> tree) {
    List<ProcessHandle> all = new ArrayList<>(tree);
    if (handle.isAlive()) {
      all.addAll(handle.descendants().toList());
    }
    all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    if (handle.isAlive()) {
      handle.destroyForcibly();
    }
  }

  @Override
  protected void checkpoint(TaskRecord record) {
    ProcessHandle handle = processes.get(record.key());
    long pid = handle == null ? 0 : handle.pid();
    long start = handle == null ? 0 : handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    if (handle == null) {
      TaskCheckpoint previous = readCheckpoint(meta(record));
      if (previous != null) {
        pid = previous.pid();
        start = previous.processStartMillis();
      }
    }
    TaskCheckpoint checkpoint = new TaskCheckpoint(record.frameworkId, record.task, record.state,
        record.killRequested, pid, start);
    try {
      Path dir = meta(record);
      Files.createDirectories(dir);
      Path tmp = dir.resolve("task.json.tmp");
      Files.writeString(tmp, json.writeValueAsString(checkpoint), StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve("task.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot checkpoint task " + record.task.taskId(), e);
    }
  }

  private TaskCheckpoint readCheckpoint(Path dir) {
    Path file = dir.resolve("task.json");
    try {
      return Files.exists(file) ? json.readValue(Files.readString(file), TaskCheckpoint.class) : null;
    } catch (IOException | RuntimeException e) {
      log.warn("Ignoring unreadable task checkpoint {}", file, e);
      return null;
    }
  }

  @Override
  protected void forget(TaskRecord record) {
    super.forget(record);
    deleteTree(meta(record));
  }

  @Override
  public void close() {
    closed = true;
    processes.clear();
    tasks.clear();
  }

  private void recover() {
    Path root = workDir.resolve("meta").resolve("tasks");
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> dirs = Files.find(root, 2, (path, attributes) -> attributes.isDirectory())) {
      for (Path dir : dirs.filter(d -> root.relativize(d).getNameCount() == 2).toList()) {
        TaskCheckpoint checkpoint = readCheckpoint(dir);
        if (checkpoint != null) {
          recover(checkpoint);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot recover tasks from " + root, e);
    }
  }

  private void recover(TaskCheckpoint checkpoint) {
    TaskRecord record = new TaskRecord(checkpoint.frameworkId(), checkpoint.task(), checkpoint.state());
    record.killRequested = checkpoint.killRequested();
    tasks.put(record.key(), record);
    if (record.isTerminal()) {
      boolean unacknowledged = updates.pending(Integer.MAX_VALUE).stream()
          .anyMatch(u -> u.frameworkId().equals(record.frameworkId) && u.taskId().equals(record.task.taskId()));
      if (!unacknowledged) {
        forget(record);
      }
      return;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(checkpoint.pid()).filter(ProcessHandle::isAlive)
        .filter(h -> sameProcess(h, checkpoint.processStartMillis()));
    log.info("Recovering task {} of framework {}: {}", record.task.taskId(), record.frameworkId,
        handle.isPresent() ? "still running as pid " + checkpoint.pid() : "its process is gone");
    if (handle.isEmpty()) {
      exitedWhileAway(record);
      return;
    }
    processes.put(record.key(), handle.get());
    handle.get().onExit().thenAccept(h -> exitedWhileAway(record));
    if (record.killRequested) {
      terminate(record, defaultGracePeriod);
    }
  }

  private static boolean sameProcess(ProcessHandle handle, long startMillis) {
    return startMillis == 0 || handle.info().startInstant()
        .map(start -> Math.abs(start.toEpochMilli() - startMillis) < 1000).orElse(true);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.warn("Cannot delete {}", dir, e);
    }
  }
}
