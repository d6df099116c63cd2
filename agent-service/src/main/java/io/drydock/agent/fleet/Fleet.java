package io.drydock.agent.fleet;

import io.drydock.agent.AgentProperties;
import io.drydock.agent.identity.AgentIdStore;
import io.drydock.agent.identity.MachineIdentity;
import io.drydock.agent.registration.AgentSession;
import io.drydock.agent.registration.FleetHeartbeats;
import io.drydock.agent.registration.MasterClient;
import io.drydock.agent.resources.AgentResources;
import io.drydock.agent.task.TaskExecutor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The agents of this process: one real agent, or a simulated fleet. They start registering once the web
 * server listens (the master calls them back on it) and stop, leaving tasks running, when the context closes.
 * Their heartbeats go to the master together, one call per interval ({@link FleetHeartbeats}).
 */
public final class Fleet implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Fleet.class);

  /** One agent to run: its machine, its resources and how its tasks run. */
  public record Member(MachineIdentity machine, AgentResources resources,
      Function<MachineIdentity, TaskExecutor> executor) {}

  private final List<Member> members;
  private final AgentIdStore ids;
  private final MasterClient master;
  private final ScheduledExecutorService scheduler;
  private final AgentProperties properties;
  private final List<AgentSession> sessions = new ArrayList<>();
  private final Map<String, AgentSession> byId = new ConcurrentHashMap<>();
  private final FleetHeartbeats heartbeats;

  public Fleet(List<Member> members, AgentIdStore ids, MasterClient master, ScheduledExecutorService scheduler,
      AgentProperties properties) {
    this.members = List.copyOf(members);
    this.ids = ids;
    this.master = master;
    this.scheduler = scheduler;
    this.properties = properties;
    this.heartbeats = new FleetHeartbeats(master, scheduler, this::sessions);
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      start(event.getWebServer().getPort());
    }
  }

  synchronized void start(int port) {
    if (!sessions.isEmpty()) {
      return;
    }
    Map<MachineIdentity, String> known = members.size() == 1
        ? ids.find(members.get(0).machine()).map(id -> Map.of(members.get(0).machine(), id)).orElse(Map.of())
        : ids.findAll();
    for (Member member : members) {
      URI endpoint = properties.advertisedUrl() != null ? properties.advertisedUrl()
          : URI.create("http://" + (properties.isSimulated() ? "127.0.0.1" : member.machine().ip()) + ":" + port);
      String agentId = known.get(member.machine());
      AgentSession session = new AgentSession(member.machine(), member.resources(), endpoint, agentId,
          member.executor().apply(member.machine()), ids, master, scheduler, properties, this::idChanged,
          heartbeats);
      sessions.add(session);
      if (agentId != null) {
        byId.put(agentId, session);
      }
    }
    log.info("Starting {} agent(s) registering with {}", sessions.size(), properties.masterUrl());
    sessions.forEach(session -> session.start(Duration.ZERO));
  }

  private void idChanged(AgentSession session, String oldId) {
    if (oldId != null) {
      byId.remove(oldId, session);
    }
    String id = session.agentId();
    if (id != null) {
      byId.put(id, session);
    }
  }

  /** The agent the master knows by this id. */
  public Optional<AgentSession> find(String agentId) {
    return Optional.ofNullable(byId.get(agentId));
  }

  /** Every agent of this process. */
  public synchronized List<AgentSession> sessions() {
    return List.copyOf(sessions);
  }

  @Override
  public synchronized void destroy() {
    heartbeats.stop();
    sessions.forEach(AgentSession::stop);
  }
}
