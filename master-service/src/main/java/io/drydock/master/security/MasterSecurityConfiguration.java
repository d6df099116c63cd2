package io.drydock.master.security;

import io.drydock.support.security.HttpRealms;
import io.drydock.support.security.Realm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mesos's realms of the master endpoints (spec §7): the read-only ones, the v1 scheduler API in the
 * scheduler realm ({@code drydock.security.authenticate-frameworks}); everything else read-write.
 * Each path also answers under {@code /master}. The operator console's static files ({@code /console/**}) are
 * open: the page asks for credentials and sends them with each API call. Allowed agent-protocol calls and v1
 * scheduler calls are not audited (thousands per second; the registries record their effects); refused
 * ones are.
 */
@Configuration(proxyBeanMethods = false)
class MasterSecurityConfiguration {

  @Bean
  HttpRealms httpRealms() {
    String[] readOnly = {"/roles", "/maintenance/status", "/state", "/slaves", "/frameworks", "/tasks",
        "/state-summary", "/flags"};
    HttpRealms.Builder realms = HttpRealms.builder()
        .realm(Realm.SCHEDULER, "/api/v1/scheduler", "/master/api/v1/scheduler")
        .open("/console", "/console/**") // the console's static files; it sends credentials on every call
        .unaudited("/agent/v1/**", "/api/v1/scheduler", "/master/api/v1/scheduler");
    for (String path : readOnly) {
      realms.readOnly(path, "/master" + path);
    }
    return realms.build();
  }
}
