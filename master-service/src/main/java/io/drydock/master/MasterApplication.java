package io.drydock.master;

import io.drydock.support.DrydockService;
import io.drydock.support.DrydockServices;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** master-service: offers machine resources to frameworks over Kafka; agents, frameworks, tasks, roles, quota. */
@SpringBootApplication
@DrydockService(MasterApplication.NAME)
@ConfigurationPropertiesScan
public class MasterApplication {

  /** The service name, also the name of its configuration file ({@code master-service.yml}). */
  public static final String NAME = "master-service";

  public static void main(String[] args) {
    start(Map.of(), args);
  }

  /** Starts the service with extra default properties; command-line arguments override everything. */
  public static ConfigurableApplicationContext start(Map<String, Object> defaults, String... args) {
    return DrydockServices.builder(MasterApplication.class, defaults).run(args);
  }
}
