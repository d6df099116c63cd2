package io.drydock.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class InvalidAgentConfigurationFailureAnalyzerTest {

  @Test
  void theStartupFailureReportNamesThePropertyToFix() {
    FailureAnalysis analysis = new InvalidAgentConfigurationFailureAnalyzer().analyze(
        new IllegalStateException("wrapped", new InvalidAgentConfigurationException("drydock.agent.resources", "bad")));

    assertThat(analysis.getDescription()).isEqualTo("Invalid drydock.agent.resources: bad");
    assertThat(analysis.getAction()).contains("Fix drydock.agent.resources");
  }
}
