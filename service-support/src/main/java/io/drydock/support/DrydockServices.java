package io.drydock.support;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Builds a Drydock service's Spring application. Each service reads its defaults from
 * {@code <service>.yml} (not {@code application.yml}), so the four services can share one JVM in the
 * standalone launcher without their configuration colliding; {@code application.yml} still applies
 * to all of them.
 */
public final class DrydockServices {

  private DrydockServices() {}

  /**
   * An application builder for one service.
   *
   * @param application the service's {@code @SpringBootApplication} class
   * @param serviceName the service name, also the name of its configuration file
   * @param properties extra default properties (lowest precedence), e.g. from the standalone launcher
   */
  public static SpringApplicationBuilder builder(
      Class<?> application, String serviceName, Map<String, Object> properties) {
    return new SpringApplicationBuilder(application)
        .properties(Map.of("spring.config.name", "application," + serviceName))
        .properties(properties);
  }
}
