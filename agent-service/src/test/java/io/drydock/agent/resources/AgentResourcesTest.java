package io.drydock.agent.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drydock.agent.InvalidAgentConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentResourcesTest {

  private static final Map<String, String> DETECTED =
      Map.of("cpus", "2", "mem", "3072", "disk", "10240", "ports", "[31000-32000]");

  @Test
  void staticReservationsAreKeptAndWhatIsNotNamedIsDetected() {
    AgentResources resources = AgentResources.of("cpus(sales):4;mem(*):1024", "rack:r1;zone:a", DETECTED,
        "drydock.agent.resources");

    assertThat(resources.resources()).isEqualTo("cpus(sales):4;mem(*):1024;disk:10240;ports:[31000-32000]");
    assertThat(resources.parsed().scalar("cpus")).isEqualTo(4.0);
    assertThat(resources.parsed().reserved().scalar("cpus")).isEqualTo(4.0);
    assertThat(resources.parsed().unreserved().scalar("mem")).isEqualTo(1024.0);
    assertThat(resources.attributes()).containsExactly(Map.entry("rack", "r1"), Map.entry("zone", "a"));
  }

  @Test
  void nothingGivenMeansEverythingDetected() {
    AgentResources resources = AgentResources.of(null, "", DETECTED, "drydock.agent.resources");

    assertThat(resources.parsed().scalar("cpus")).isEqualTo(2.0);
    assertThat(resources.parsed().scalar("mem")).isEqualTo(3072.0);
    assertThat(resources.attributes()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cpus4                          | Bad value for resources, missing or extra ':' in cpus4",
      "cpus:4:5                       | Bad value for resources, missing or extra ':' in cpus:4:5",
      "cpus(sales:4                   | mismatched parentheses in cpus(sales:4",
      "cpus:-1                        | scalar must be finite and non-negative in cpus:-1",
      "cpus:lots                      | invalid scalar 'lots' in cpus:lots",
      "ports:[32000-31000]            | has begin > end",
      "cpus(.):4                      | invalid role in cpus(.):4",
      "cpus:4;cpus:[1-2]              | Resources with the same name ('cpus') but different types are not allowed"})
  void badResourcesStringsAreRefusedNamingTheToken(String text, String message) {
    assertThatThrownBy(() -> AgentResources.of(text, "", DETECTED, "drydock.agent.resources"))
        .isInstanceOf(InvalidAgentConfigurationException.class)
        .hasMessageStartingWith("Invalid drydock.agent.resources: ")
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rack                | missing or extra ':' in rack",
      "rack:r1:x           | missing or extra ':' in rack:r1:x",
      "rack:               | empty name or value in rack:",
      "rack:r1;rack:r2     | appears twice"})
  void badAttributesAreRefused(String text, String message) {
    assertThatThrownBy(() -> AgentResources.of("", text, DETECTED, "drydock.agent.resources"))
        .isInstanceOf(InvalidAgentConfigurationException.class)
        .hasMessageStartingWith("Invalid drydock.agent.attributes: ")
        .hasMessageContaining(message);
  }

  @Test
  void detectionFindsThisMachine() {
    Map<String, String> detected = ResourceDetector.detect(java.nio.file.Path.of("target"));

    assertThat(detected).containsKeys("cpus", "mem", "disk").containsEntry("ports", "[31000-32000]");
    assertThat(Double.parseDouble(detected.get("mem"))).isPositive();
  }
}
