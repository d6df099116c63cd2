package io.drydock.resourcetest;

import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.Authorizer;
import io.drydock.testsupport.Infrastructure;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal "other service": only service-support's security, as master/maintenance/agent get it. Its
 * write needs {@code update_maintenance_schedules}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
    "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
public class ResourceApp {

  /** Starts it on a random port with extra properties ({@code key=value}). */
  public static ConfigurableApplicationContext start(String... properties) {
    Infrastructure infra = Infrastructure.get();
    List<String> all = new ArrayList<>(List.of(
        "server.port=0", "spring.application.name=resource-test", "spring.config.name=resource-test",
        "drydock.outbox.enabled=false",
        "spring.datasource.url=" + infra.jdbcUrl(), "spring.datasource.username=" + infra.username(),
        "spring.datasource.password=" + infra.password(),
        "spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers()));
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(ResourceApp.class).properties(all.toArray(String[]::new)).run();
  }

  /** Registered as a member class of the configuration. */
  @RestController
  static class Controller {
    private final Authorizer authorizer;

    Controller(Authorizer authorizer) {
      this.authorizer = authorizer;
    }

    @GetMapping("/whoami")
    String whoami(Principal principal) {
      return principal == null ? "" : principal.getName();
    }

    @PostMapping("/maintenance/schedule")
    ResponseEntity<String> update(Principal principal) {
      String name = principal == null ? null : principal.getName();
      return authorizer.isAllowed(name, AclAction.UPDATE_MAINTENANCE_SCHEDULES, null)
          ? ResponseEntity.ok(name) : ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
  }
}
