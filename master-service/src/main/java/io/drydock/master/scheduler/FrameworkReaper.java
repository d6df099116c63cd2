package io.drydock.master.scheduler;

import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.framework.FrameworkRegistry;
import io.drydock.master.leader.LeaderOnly;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every second, removes frameworks that stayed disconnected beyond their failover timeout (as Mesos). */
@Component
class FrameworkReaper implements LeaderOnly {

  private static final Logger log = LoggerFactory.getLogger(FrameworkReaper.class);

  private final FrameworkRegistry frameworks;
  private final TaskCalls tasks;
  private ScheduledExecutorService thread;

  FrameworkReaper(FrameworkRegistry frameworks, TaskCalls tasks) {
    this.frameworks = frameworks;
    this.tasks = tasks;
  }

  void reap() {
    for (FrameworkInfo f : frameworks.expired()) {
      tasks.teardown(f, "Framework failover timeout");
    }
  }

  @Override
  public void start() {
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "framework-reaper");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(() -> {
      try {
        reap();
      } catch (RuntimeException e) {
        log.warn("Framework reaping failed", e);
      }
    }, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    if (thread != null) {
      thread.shutdownNow();
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
