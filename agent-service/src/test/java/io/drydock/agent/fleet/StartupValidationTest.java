package io.drydock.agent.fleet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drydock.agent.AgentProperties;
import io.drydock.agent.InvalidAgentConfigurationException;
import io.drydock.agent.identity.IdentityDetector;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/** A bad resources string, attribute or IP stops agent-service at startup with a message naming the property. */
class StartupValidationTest {

  @TempDir Path workDir;

  private AgentProperties properties(String resources, String attributes, String ip, int simulated) {
    return new AgentProperties(URI.create("http://127.0.0.1:1"), "host", ip, resources, attributes, workDir,
        null, null, null, Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofSeconds(10),
        new AgentProperties.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)), Duration.ofSeconds(10),
        new AgentProperties.Simulated(simulated, simulated > 0 ? resources : "cpus:1", "sim-", 8));
  }

  private void build(AgentProperties properties) {
    FleetConfiguration configuration = new FleetConfiguration();
    ScheduledExecutorService scheduler = configuration.agentScheduler();
    try {
      JsonMapper json = JsonMapper.builder().build();
      configuration.fleet(properties, new IdentityDetector(Map.of()), null,
          configuration.masterClient(properties, json), scheduler, json,
          new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class));
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void badResourcesStopTheRealAgent() {
    assertThatThrownBy(() -> build(properties("cpus:4;mem", "", "10.0.0.1", 0)))
        .isInstanceOf(InvalidAgentConfigurationException.class)
        .hasMessage("Invalid drydock.agent.resources: Bad value for resources, missing or extra ':' in mem");
  }

  @Test
  void badSimulatedResourcesStopTheFleet() {
    assertThatThrownBy(() -> build(properties("cpus(*:4", "", "10.0.0.1", 3)))
        .isInstanceOf(InvalidAgentConfigurationException.class)
        .hasMessageStartingWith("Invalid drydock.agent.simulated.resources: ");
  }

  @Test
  void badAttributesAndAddressesStopTheAgent() {
    assertThatThrownBy(() -> build(properties("cpus:1", "rack", "10.0.0.1", 0)))
        .hasMessageStartingWith("Invalid drydock.agent.attributes: ");
    assertThatThrownBy(() -> build(properties("cpus:1", "", "not-an-ip", 0)))
        .hasMessage("Invalid drydock.agent.ip: ip must be an IPv4 address, not 'not-an-ip'");
  }
}
