package io.drydock.agent;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad agent configuration into a short startup failure report naming the property. */
class InvalidAgentConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAgentConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidAgentConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Fix " + cause.property() + " (see docs/agent-guide.md, 'Running agents').", cause);
  }
}
