package io.drydock.agent;

import io.drydock.support.DrydockService;
import io.drydock.support.DrydockServices;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** agent-service: registers a machine's resources with the master, runs tasks, obeys shutdown; can simulate a fleet. */
@SpringBootApplication
@DrydockService(AgentApplication.NAME)
@ConfigurationPropertiesScan
public class AgentApplication {

  /** The service name, also the name of its configuration file ({@code agent-service.yml}). */
  public static final String NAME = "agent-service";

  public static void main(String[] args) {
    start(Map.of(), args);
  }

  /** Starts the service with extra default properties; command-line arguments override everything. */
  public static ConfigurableApplicationContext start(Map<String, Object> defaults, String... args) {
    return DrydockServices.builder(AgentApplication.class, defaults).run(args);
  }
}
