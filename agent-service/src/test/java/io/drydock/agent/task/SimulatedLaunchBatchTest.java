package io.drydock.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.agentprotocol.LaunchTasks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The updates of one launch reach the session together, so they go to the master as one batch. */
class SimulatedLaunchBatchTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aLaunchOfManyTasksNotifiesOnceWithAllTheirUpdatesQueued() {
    StatusUpdateQueue queue = StatusUpdateQueue.inMemory();
    List<Integer> queuedAtNotification = new ArrayList<>();
    queue.onAdd(() -> queuedAtNotification.add(queue.size()));
    SimulatedTaskExecutor executor = new SimulatedTaskExecutor(queue, Clock.systemUTC(), scheduler);
    List<LaunchTasks.Task> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tasks.add(new LaunchTasks.Task("t-" + i, "t-" + i, "cpus:0.1", null, null, null));
    }
    executor.launch(new LaunchTasks("fw-1", tasks));
    assertThat(queuedAtNotification).containsExactly(20);
    assertThat(queue.pending(100)).extracting(u -> u.state()).containsOnly(TaskState.RUNNING);
  }
}
