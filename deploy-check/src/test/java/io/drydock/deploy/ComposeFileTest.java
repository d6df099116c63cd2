package io.drydock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docker-compose.yml is valid Compose and has the shape the design asks for. */
class ComposeFileTest {

  private static final Path COMPOSE = Repo.root().resolve("docker-compose.yml");

  @Test
  void isValidComposeAndFollowsPolicy() {
    assertThat(ComposeCheck.check(COMPOSE)).as("violations in docker-compose.yml").isEmpty();
  }

  @Test
  void runsPostgresKafkaTheFourServicesAndTwoAgentsOnTheirPorts() {
    JsonNode services = compose().path("services");
    assertThat(services.has("postgres")).isTrue();
    assertThat(services.has("kafka")).isTrue();
    for (String service : Repo.SERVICES) {
      String name = service.equals("agent-service") ? "agent-1" : service;
      JsonNode s = services.path(name);
      assertThat(s.path("build").path("dockerfile").asText()).as(name).isEqualTo(service + "/Dockerfile");
      assertThat(s.path("image").asText()).isEqualTo("drydock/" + service + ":" + Repo.version());
      assertThat(s.path("ports").get(0).asText()).endsWith(":" + Repo.port(service));
      assertThat(s.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
    }
    assertThat(services.path("agent-2").path("build").path("dockerfile").asText()).isEqualTo("agent-service/Dockerfile");
  }

  private static JsonNode compose() {
    return new ObjectMapper().valueToTree(Yamls.load(Repo.read(COMPOSE)));
  }
}
