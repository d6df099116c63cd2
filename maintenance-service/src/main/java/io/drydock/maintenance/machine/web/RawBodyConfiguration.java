package io.drydock.maintenance.machine.web;

import io.drydock.support.web.RawBodyPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The maintenance POSTs read their body as JSON whatever its {@code Content-Type}, as Mesos does
 * ({@code curl -d} without {@code -H} sends {@code application/x-www-form-urlencoded}): the request hygiene
 * filter must not consume it as form parameters.
 */
@Configuration(proxyBeanMethods = false)
class RawBodyConfiguration {

  @Bean
  RawBodyPaths maintenanceRawBodyPaths() {
    return RawBodyPaths.of("/maintenance/schedule", "/master/maintenance/schedule", "/machine/down",
        "/master/machine/down", "/machine/up", "/master/machine/up");
  }
}
