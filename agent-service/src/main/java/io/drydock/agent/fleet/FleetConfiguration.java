package io.drydock.agent.fleet;

import io.drydock.agent.AgentProperties;
import io.drydock.agent.identity.AgentIdStore;
import io.drydock.agent.identity.IdentityDetector;
import io.drydock.agent.identity.MachineIdentity;
import io.drydock.agent.registration.MasterClient;
import io.drydock.agent.resources.AgentResources;
import io.drydock.agent.resources.ResourceDetector;
import io.drydock.agent.task.ProcessTaskExecutor;
import io.drydock.agent.task.SimulatedTaskExecutor;
import io.drydock.agent.task.StatusUpdateQueue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the agents from {@link AgentProperties}: with {@code simulated.count = 0} the agent of this machine
 * (detected or configured identity and resources, tasks as processes, recovered from the work directory);
 * otherwise {@code count} simulated agents. Bad resources or attributes fail startup here.
 */
@Configuration(proxyBeanMethods = false)
class FleetConfiguration {

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService agentScheduler() {
    AtomicInteger threads = new AtomicInteger();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, runnable -> {
      Thread thread = new Thread(runnable, "agent-timer-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  @Bean(destroyMethod = "close")
  MasterClient masterClient(AgentProperties properties, JsonMapper json) {
    return new MasterClient(properties.masterUrl(), properties.principal(), properties.secret(), json,
        properties.requestTimeout(), properties.simulated().maxConcurrentRequests());
  }

  @Bean
  Fleet fleet(AgentProperties properties, IdentityDetector identities, AgentIdStore ids, MasterClient master,
      ScheduledExecutorService agentScheduler, JsonMapper json, ObjectProvider<Clock> clockProvider) {
    Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
    List<Fleet.Member> members = new ArrayList<>();
    if (properties.isSimulated()) {
      AgentResources resources = AgentResources.of(properties.simulated().resources(), properties.attributes(),
          Map.of(), "drydock.agent.simulated.resources");
      for (int i = 1; i <= properties.simulated().count(); i++) {
        members.add(new Fleet.Member(MachineIdentity.simulated(properties.simulated().hostnamePrefix(), i),
            resources, machine -> new SimulatedTaskExecutor(StatusUpdateQueue.inMemory(), clock, agentScheduler)));
      }
    } else {
      MachineIdentity machine = identities.detect(properties.hostname(), properties.ip());
      AgentResources resources = AgentResources.of(properties.resources(), properties.attributes(),
          ResourceDetector.detect(properties.workDir()), "drydock.agent.resources");
      ProcessTaskExecutor executor = new ProcessTaskExecutor(properties.workDir(), json, clock, agentScheduler,
          properties.killGracePeriod());
      members.add(new Fleet.Member(machine, resources, m -> executor));
    }
    return new Fleet(members, ids, master, agentScheduler, properties);
  }
}
