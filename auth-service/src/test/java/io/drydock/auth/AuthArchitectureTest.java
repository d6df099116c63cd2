package io.drydock.auth;

import io.drydock.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** auth-service keeps to package-by-feature (see {@link ServiceArchitecture}). */
class AuthArchitectureTest {

  @Test
  void featuresKeepTheirBoundaries() {
    var classes = ServiceArchitecture.importService("io.drydock.auth");
    ServiceArchitecture.rules("io.drydock.auth").forEach(rule -> rule.check(classes));
  }
}
