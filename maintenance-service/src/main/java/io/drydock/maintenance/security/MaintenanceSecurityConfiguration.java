package io.drydock.maintenance.security;

import io.drydock.support.security.HttpRealms;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mesos's realms of the maintenance endpoints (spec §1.5, §7): {@code /maintenance/status} is read-only;
 * everything else ({@code /maintenance/schedule} GET and POST, {@code /machine/down|up}, {@code /api/v1})
 * is read-write. Probes are always open.
 */
@Configuration(proxyBeanMethods = false)
class MaintenanceSecurityConfiguration {

  @Bean
  HttpRealms httpRealms() {
    return HttpRealms.builder().readOnly("/maintenance/status", "/master/maintenance/status").build();
  }
}
