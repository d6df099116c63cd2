package io.drydock.agent;

import io.drydock.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** agent-service keeps to package-by-feature (see {@link ServiceArchitecture}). */
class AgentArchitectureTest {

  @Test
  void featuresKeepTheirBoundaries() {
    var classes = ServiceArchitecture.importService("io.drydock.agent");
    ServiceArchitecture.rules("io.drydock.agent").forEach(rule -> rule.check(classes));
  }
}
