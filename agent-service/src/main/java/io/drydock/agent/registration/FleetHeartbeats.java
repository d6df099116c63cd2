package io.drydock.agent.registration;

import io.drydock.agentprotocol.Heartbeats;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeats of every agent of this process as one call per interval ({@code POST /agent/v1/heartbeats}
 * carrying each registered agent's id, split into calls of at most {@link Heartbeats#MAX_AGENTS}) instead of
 * one call per agent: a simulated fleet of 10,000 agents heartbeating every 5 s sends 2 calls per 5 s
 * instead of 2,000 per second. Each agent takes its part of the answer as it would its own heartbeat's
 * ({@link AgentSession#heartbeatAnswered}): an id the master does not know registers again, a failed call
 * is a missed heartbeat for each of its agents. A master that does not serve the batched call (404, an older
 * master) gets the heartbeats one by one from then on. The interval is the one the master named at
 * registration.
 */
public final class FleetHeartbeats {

  private static final Logger log = LoggerFactory.getLogger(FleetHeartbeats.class);

  private final MasterClient master;
  private final ScheduledExecutorService scheduler;
  private final Supplier<List<AgentSession>> sessions;
  private Duration interval;
  private ScheduledFuture<?> timer;
  private boolean stopped;
  private volatile boolean batched = true;

  public FleetHeartbeats(MasterClient master, ScheduledExecutorService scheduler,
      Supplier<List<AgentSession>> sessions) {
    this.master = master;
    this.scheduler = scheduler;
    this.sessions = sessions;
  }

  /** Sends the heartbeats every {@code requested} from now on (a no-op when it is the current interval). */
  public synchronized void interval(Duration requested) {
    if (stopped || requested.equals(interval)) {
      return;
    }
    interval = requested;
    if (timer != null) {
      timer.cancel(false);
    }
    long millis = requested.toMillis();
    timer = scheduler.scheduleWithFixedDelay(this::beatSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    stopped = true;
    if (timer != null) {
      timer.cancel(false);
    }
  }

  private void beatSafely() {
    try {
      beat();
    } catch (RuntimeException e) {
      log.warn("Could not send the agents' heartbeats", e);
    }
  }

  /** Sends one round of heartbeats for every registered agent. */
  void beat() {
    Map<String, AgentSession> alive = new LinkedHashMap<>();
    for (AgentSession session : sessions.get()) {
      String id = session.heartbeatId();
      if (id != null) {
        alive.put(id, session);
      }
    }
    List<String> ids = List.copyOf(alive.keySet());
    for (int from = 0; from < ids.size(); from += Heartbeats.MAX_AGENTS) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + Heartbeats.MAX_AGENTS));
      if (batched) {
        master.heartbeats(part).thenAccept(result -> answered(part, alive, result));
      } else {
        oneByOne(part, alive);
      }
    }
  }

  private void answered(List<String> part, Map<String, AgentSession> alive, MasterClient.HeartbeatsResult result) {
    if (result.status() == 404) {
      if (batched) {
        log.info("The master does not serve batched heartbeats; sending them one agent at a time");
        batched = false;
      }
      oneByOne(part, alive);
      return;
    }
    Set<String> unknown = new HashSet<>(result.unknownAgentIds());
    for (String id : part) {
      int status = result.status() != 200 ? result.status() : unknown.contains(id) ? 404 : 200;
      alive.get(id).heartbeatAnswered(id, status);
    }
  }

  private void oneByOne(List<String> part, Map<String, AgentSession> alive) {
    for (String id : part) {
      master.heartbeat(id).thenAccept(status -> alive.get(id).heartbeatAnswered(id, status));
    }
  }
}
