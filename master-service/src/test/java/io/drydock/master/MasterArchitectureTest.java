package io.drydock.master;

import io.drydock.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** master-service keeps to package-by-feature (see {@link ServiceArchitecture}). */
class MasterArchitectureTest {

  @Test
  void featuresKeepTheirBoundaries() {
    var classes = ServiceArchitecture.importService("io.drydock.master");
    ServiceArchitecture.rules("io.drydock.master").forEach(rule -> rule.check(classes));
  }
}
