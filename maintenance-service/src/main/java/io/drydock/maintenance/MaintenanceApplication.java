package io.drydock.maintenance;

import io.drydock.support.DrydockService;
import io.drydock.support.DrydockServices;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** maintenance-service: the maintenance schedule, machine modes and inverse-offer statuses, as in Mesos. */
@SpringBootApplication
@DrydockService(MaintenanceApplication.NAME)
@ConfigurationPropertiesScan
public class MaintenanceApplication {

  /** The service name, also the name of its configuration file ({@code maintenance-service.yml}). */
  public static final String NAME = "maintenance-service";

  public static void main(String[] args) {
    start(Map.of(), args);
  }

  /** Starts the service with extra default properties; command-line arguments override everything. */
  public static ConfigurableApplicationContext start(Map<String, Object> defaults, String... args) {
    return DrydockServices.builder(MaintenanceApplication.class, defaults).run(args);
  }
}
