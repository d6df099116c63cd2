package io.drydock.agent.fleet;

import io.drydock.agent.AgentProperties;
import io.drydock.agent.FakeMaster;
import io.drydock.agent.identity.AgentIdStore;
import io.drydock.agent.identity.MachineIdentity;
import io.drydock.agent.registration.AgentSession;
import io.drydock.agent.registration.MasterClient;
import io.drydock.agent.resources.AgentResources;
import io.drydock.agent.task.SimulatedTaskExecutor;
import io.drydock.agent.task.StatusUpdateQueue;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: a probe of the simulated fleet's own cost (N agent sessions registering with a fake master in
 * this JVM, heartbeating), printing registration time and heap. {@code java ... FleetLoadProbe 10000}.
 */
public final class FleetLoadProbe {

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    try (FakeMaster master = new FakeMaster()) {
      master.heartbeatIntervalSeconds = 15;
      AgentProperties properties = new AgentProperties(URI.create(master.url()), null, null, null, "", null,
          "agent", "agent-secret", null, Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofSeconds(30),
          new AgentProperties.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10)), Duration.ofSeconds(10),
          new AgentProperties.Simulated(count, "cpus:8;mem:16384;disk:102400;ports:[31000-32000]", "sim-agent-", 64));
      ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
      MasterClient client = new MasterClient(properties.masterUrl(), properties.principal(), properties.secret(),
          JsonMapper.builder().build(), properties.requestTimeout(), 64);
      AgentResources resources = AgentResources.of(properties.simulated().resources(), "", Map.of(), "resources");
      AgentIdStore ids = new AgentIdStore() {
        public Optional<String> find(MachineIdentity machine) { return Optional.empty(); }
        public Map<MachineIdentity, String> findAll() { return Map.of(); }
        public void save(MachineIdentity machine, String agentId) {}
        public void forget(MachineIdentity machine) {}
      };
      List<AgentSession> sessions = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 1; i <= count; i++) {
        AgentSession session = new AgentSession(MachineIdentity.simulated("sim-agent-", i), resources,
            URI.create("http://127.0.0.1:5051"), null,
            new SimulatedTaskExecutor(StatusUpdateQueue.inMemory(), Clock.systemUTC(), scheduler), ids, client,
            scheduler, properties, (s, old) -> {});
        sessions.add(session);
        session.start(Duration.ZERO);
      }
      org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
          .until(() -> sessions.stream().allMatch(AgentSession::isRegistered));
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf("%d agents registered in %d ms (%.0f/s); heap used after GC %d MB; registrations sent %d%n",
          count, millis, count * 1000.0 / millis, (rt.totalMemory() - rt.freeMemory()) >> 20,
          master.registrations.size());
      sessions.forEach(AgentSession::stop);
      scheduler.shutdownNow();
      System.exit(0);
    }
  }
}
