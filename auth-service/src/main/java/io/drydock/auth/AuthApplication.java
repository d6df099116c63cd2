package io.drydock.auth;

import io.drydock.support.DrydockService;
import io.drydock.support.DrydockServices;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import java.time.Clock;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** auth-service: credentials, tokens and the Mesos ACLs every service enforces. */
@SpringBootApplication
@DrydockService(AuthApplication.NAME)
@ConfigurationPropertiesScan
public class AuthApplication {

  /** The service name, also the name of its configuration file ({@code auth-service.yml}). */
  public static final String NAME = "auth-service";

  /** The time source of credentials, ACL revisions and tokens. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    start(Map.of(), args);
  }

  /** Starts the service with extra default properties; command-line arguments override everything. */
  public static ConfigurableApplicationContext start(Map<String, Object> defaults, String... args) {
    return DrydockServices.builder(AuthApplication.class, defaults).run(args);
  }
}
