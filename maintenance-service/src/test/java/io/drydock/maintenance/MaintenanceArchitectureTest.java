package io.drydock.maintenance;

import io.drydock.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** maintenance-service keeps to package-by-feature (see {@link ServiceArchitecture}). */
class MaintenanceArchitectureTest {

  @Test
  void featuresKeepTheirBoundaries() {
    var classes = ServiceArchitecture.importService("io.drydock.maintenance");
    ServiceArchitecture.rules("io.drydock.maintenance").forEach(rule -> rule.check(classes));
  }
}
