package io.drydock.agent.registration;

import io.drydock.agent.AgentProperties;
import io.drydock.agent.identity.AgentIdStore;
import io.drydock.agent.identity.MachineIdentity;
import io.drydock.agent.resources.AgentResources;
import io.drydock.agent.task.TaskExecutor;
import io.drydock.agentprotocol.Acknowledged;
import io.drydock.agentprotocol.KillTask;
import io.drydock.agentprotocol.LaunchTasks;
import io.drydock.agentprotocol.RegisterAgent;
import io.drydock.agentprotocol.Registered;
import io.drydock.agentprotocol.Shutdown;
import io.drydock.agentprotocol.StatusUpdate;
import io.drydock.agentprotocol.StatusUpdates;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's session with the master, driven by timers on a shared scheduler (no thread of its own, so a
 * fleet of thousands is cheap):
 * <pre>
 *   REGISTERING --200 Registered--> REGISTERED --heartbeat 404 / 3 failed heartbeats--> REGISTERING
 *        ^  |409 Refused / failure: retry with backoff         |
 *        |  '--(Refused with shutdown: kill every task)        | Shutdown from the master:
 *        '-----------------------------------------------------' kill every task, forget the agent id
 * </pre>
 * Heartbeats go out every interval the master named, one call per agent, or with the other agents' of the
 * process in one call ({@link FleetHeartbeats}). While registered it sends queued status updates at once and resends unacknowledged ones after
 * {@code status-update-retry} (doubling, at most ten times that). Registration carries the tasks the agent
 * still knows, so the master reconciles after an agent restart.
 */
public final class AgentSession {

  private static final Logger log = LoggerFactory.getLogger(AgentSession.class);
  private static final int MISSED_HEARTBEATS_BEFORE_REREGISTERING = 3;
  private static final int UPDATE_BATCH = 500;

  enum State { REGISTERING, REGISTERED, STOPPED }

  private final MachineIdentity machine;
  private final AgentResources resources;
  private final URI endpoint;
  private final TaskExecutor tasks;
  private final AgentIdStore ids;
  private final MasterClient master;
  private final ScheduledExecutorService scheduler;
  private final AgentProperties properties;
  private final BiConsumer<AgentSession, String> idChanged;
  private final FleetHeartbeats fleetHeartbeats;

  private volatile String agentId;
  private State state = State.REGISTERING;
  private Duration backoff;
  private Duration updateRetry;
  private ScheduledFuture<?> timer;
  private ScheduledFuture<?> updateTimer;
  private int missedHeartbeats;
  private boolean sending;

  /**
   * @param agentId the id kept from an earlier registration, or {@code null}
   * @param idChanged called with the old id (or {@code null}) whenever the agent's id changes
   */
  public AgentSession(MachineIdentity machine, AgentResources resources, URI endpoint, String agentId,
      TaskExecutor tasks, AgentIdStore ids, MasterClient master, ScheduledExecutorService scheduler,
      AgentProperties properties, BiConsumer<AgentSession, String> idChanged) {
    this(machine, resources, endpoint, agentId, tasks, ids, master, scheduler, properties, idChanged, null);
  }

  /**
   * @param fleetHeartbeats sends this agent's heartbeats together with the other agents' of the process, or
   *     {@code null}: the session sends its own
   */
  public AgentSession(MachineIdentity machine, AgentResources resources, URI endpoint, String agentId,
      TaskExecutor tasks, AgentIdStore ids, MasterClient master, ScheduledExecutorService scheduler,
      AgentProperties properties, BiConsumer<AgentSession, String> idChanged, FleetHeartbeats fleetHeartbeats) {
    this.fleetHeartbeats = fleetHeartbeats;
    this.machine = machine;
    this.resources = resources;
    this.endpoint = endpoint;
    this.agentId = agentId;
    this.tasks = tasks;
    this.ids = ids;
    this.master = master;
    this.scheduler = scheduler;
    this.properties = properties;
    this.idChanged = idChanged;
    this.backoff = properties.backoff().initial();
    this.updateRetry = properties.statusUpdateRetry();
    tasks.updates().onAdd(this::sendUpdates);
  }

  public MachineIdentity machine() {
    return machine;
  }

  /** The id the master gave this agent, or {@code null} before the first registration. */
  public String agentId() {
    return agentId;
  }

  public synchronized boolean isRegistered() {
    return state == State.REGISTERED;
  }

  public TaskExecutor tasks() {
    return tasks;
  }

  /** Starts registering after {@code delay} (a fleet spreads its agents' first attempts). */
  public synchronized void start(Duration delay) {
    schedule(this::register, delay);
  }

  /** Launches tasks the master sent; see {@link TaskExecutor#launch}. */
  public void launch(LaunchTasks launch) {
    tasks.launch(launch);
  }

  public void kill(KillTask kill) {
    Duration grace = kill.gracePeriodSeconds() == null ? properties.killGracePeriod()
        : Duration.ofMillis(Math.round(Math.max(0, kill.gracePeriodSeconds()) * 1000));
    tasks.kill(kill.frameworkId(), kill.taskId(), grace);
  }

  /**
   * The master shut this agent down (e.g. its machine went DOWN): kill every task, stop offering (the
   * agent is no longer registered) and register afresh, with backoff, until the master accepts it.
   */
  public void shutdown(Shutdown shutdown) {
    log.warn("Agent {} on {} shut down by the master: {}", agentId, machine,
        shutdown == null ? "" : shutdown.message());
    tasks.shutdown(properties.killGracePeriod());
    String old;
    synchronized (this) {
      if (state == State.STOPPED) {
        return;
      }
      old = agentId;
      agentId = null;
      state = State.REGISTERING;
      backoff = properties.backoff().initial();
      schedule(this::register, nextBackoff());
    }
    ids.forget(machine);
    idChanged.accept(this, old);
  }

  /** Stops talking to the master, leaving tasks running for the next start to recover. */
  public synchronized void stop() {
    state = State.STOPPED;
    cancel(timer);
    cancel(updateTimer);
    tasks.close();
  }

  private void register() {
    RegisterAgent request;
    synchronized (this) {
      if (state == State.STOPPED) {
        return;
      }
      state = State.REGISTERING;
      request = new RegisterAgent(agentId, machine.hostname(), machine.ip(), endpoint.toString(),
          resources.resources(), resources.attributes(), tasks.reports());
    }
    master.register(request).thenAccept(this::registrationAnswered).exceptionally(failure -> {
      log.error("Agent on {}: cannot handle the master's answer to its registration", machine, failure);
      retryRegistration();
      return null;
    });
  }

  private void registrationAnswered(MasterClient.RegistrationResult result) {
    if (result instanceof MasterClient.RegistrationResult.Accepted accepted) {
      registered(accepted.registered());
    } else if (result instanceof MasterClient.RegistrationResult.Rejected rejected) {
      log.warn("Registration of {} refused by the master: {}", machine, rejected.refused().message());
      if (rejected.refused().shutdown() && (agentId != null || !tasks.reports().isEmpty())) {
        shutdown(new Shutdown(rejected.refused().message()));
      } else {
        retryRegistration();
      }
    } else if (result instanceof MasterClient.RegistrationResult.Failed failed) {
      log.info("Registration of {} with {} failed: {}", machine, properties.masterUrl(), failed.reason());
      retryRegistration();
    }
  }

  private synchronized void retryRegistration() {
    if (state != State.STOPPED) {
      schedule(this::register, nextBackoff());
    }
  }

  private void registered(Registered registered) {
    String old;
    synchronized (this) {
      if (state == State.STOPPED) {
        return;
      }
      old = agentId;
      agentId = registered.agentId();
      state = State.REGISTERED;
      backoff = properties.backoff().initial();
      missedHeartbeats = 0;
      Duration interval = registered.heartbeatIntervalSeconds() > 0
          ? Duration.ofMillis(Math.round(registered.heartbeatIntervalSeconds() * 1000)) : properties.heartbeat();
      cancel(timer);
      if (fleetHeartbeats != null) {
        fleetHeartbeats.interval(interval);
      } else {
        timer = scheduler.scheduleWithFixedDelay(this::heartbeat, interval.toMillis(), interval.toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
    if (!registered.agentId().equals(old)) {
      ids.save(machine, registered.agentId());
      idChanged.accept(this, old);
    }
    log.info("Agent {} on {} registered with the master", registered.agentId(), machine);
    sendUpdates();
  }

  private void heartbeat() {
    String id = heartbeatId();
    if (id != null) {
      master.heartbeat(id).thenAccept(status -> heartbeatAnswered(id, status));
    }
  }

  /** The id to send a heartbeat for, {@code null} unless registered. */
  synchronized String heartbeatId() {
    return state == State.REGISTERED ? agentId : null;
  }

  /**
   * The master answered a heartbeat sent for {@code id}: 200 alive, 404 unknown (register again), anything
   * else (-1: unreachable) a missed heartbeat; after {@value #MISSED_HEARTBEATS_BEFORE_REREGISTERING} in a
   * row the agent registers again.
   */
  synchronized void heartbeatAnswered(String id, int status) {
    if (state != State.REGISTERED || !id.equals(agentId)) {
      return;
    }
    if (status == 200) {
      missedHeartbeats = 0;
      return;
    }
    if (status == 404) {
      log.info("The master does not know agent {} any more: registering again", id);
    } else if (++missedHeartbeats < MISSED_HEARTBEATS_BEFORE_REREGISTERING) {
      return;
    }
    state = State.REGISTERING;
    backoff = properties.backoff().initial();
    schedule(this::register, Duration.ZERO);
  }

  /** Sends the oldest unacknowledged updates if registered; one batch in flight at a time. */
  private void sendUpdates() {
    List<StatusUpdate> batch;
    String id;
    synchronized (this) {
      if (state != State.REGISTERED) {
        return;
      }
      if (sending) {
        return;
      }
      batch = tasks.updates().pending(UPDATE_BATCH);
      if (batch.isEmpty()) {
        return;
      }
      sending = true;
      id = agentId;
    }
    master.statusUpdates(new StatusUpdates(id, batch)).whenComplete(this::updatesAnswered);
  }

  private void updatesAnswered(Acknowledged acknowledged, Throwable failure) {
    // drop the acknowledged updates before another batch may start: a batch started in between (by an
    // update added on another thread) would send them again
    if (failure == null && acknowledged != null && acknowledged.statusUuids() != null) {
      tasks.acknowledged(tasks.updates().acknowledge(acknowledged.statusUuids()));
    }
    boolean again;
    synchronized (this) {
      sending = false;
      if (failure != null) {
        log.info("Status updates of agent {} not acknowledged ({}); resending in {}", agentId,
            MasterClient.describe(failure), updateRetry);
        if (state != State.STOPPED && (updateTimer == null || updateTimer.isDone())) {
          updateTimer = scheduler.schedule(this::sendUpdates, updateRetry.toMillis(), TimeUnit.MILLISECONDS);
        }
        Duration max = properties.statusUpdateRetry().multipliedBy(10);
        updateRetry = updateRetry.multipliedBy(2).compareTo(max) > 0 ? max : updateRetry.multipliedBy(2);
        return;
      }
      updateRetry = properties.statusUpdateRetry();
      again = true;
    }
    if (again) {
      sendUpdates();
    }
  }

  private Duration nextBackoff() {
    Duration current = backoff;
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(properties.backoff().max()) > 0 ? properties.backoff().max() : doubled;
    long millis = current.toMillis();
    return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }

  private void schedule(Runnable action, Duration delay) {
    cancel(timer);
    timer = scheduler.schedule(() -> {
      try {
        action.run();
      } catch (RuntimeException e) {
        log.error("Agent {} on {}: unexpected failure", agentId, machine, e);
        retryRegistration();
      }
    }, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void cancel(ScheduledFuture<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }
}
