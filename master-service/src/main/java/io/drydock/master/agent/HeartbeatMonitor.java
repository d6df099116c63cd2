package io.drydock.master.agent;

import io.drydock.master.leader.LeaderOnly;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Checks every heartbeat interval for agents that missed too many heartbeats. */
@Component
class HeartbeatMonitor implements LeaderOnly {

  private static final Logger log = LoggerFactory.getLogger(HeartbeatMonitor.class);

  private final AgentRegistry registry;
  private final AgentProperties properties;
  private ScheduledExecutorService thread;

  HeartbeatMonitor(AgentRegistry registry, AgentProperties properties) {
    this.registry = registry;
    this.properties = properties;
  }

  @Override
  public void start() {
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "agent-heartbeats");
      t.setDaemon(true);
      return t;
    });
    long millis = properties.heartbeatInterval().toMillis();
    thread.scheduleWithFixedDelay(() -> {
      try {
        registry.checkHeartbeats();
      } catch (RuntimeException e) {
        log.warn("Heartbeat check failed", e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
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
