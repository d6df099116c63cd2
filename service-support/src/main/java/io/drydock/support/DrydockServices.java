package io.drydock.support;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Builds a Drydock service's Spring application. */
public final class DrydockServices {

  private DrydockServices() {}

  /**
   * An application builder for one service.
   *
   * @param application the service's {@code @SpringBootApplication} class, annotated with
   *     {@link DrydockService}
   * @param defaults extra default properties (lowest precedence)
   */
  public static SpringApplicationBuilder builder(Class<?> application, Map<String, Object> defaults) {
    return new SpringApplicationBuilder(application).properties(defaults);
  }
}
