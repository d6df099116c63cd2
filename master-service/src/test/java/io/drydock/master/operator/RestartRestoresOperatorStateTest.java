package io.drydock.master.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.master.MasterApplication;
import io.drydock.master.MasterIntegrationTest;
import io.drydock.master.MasterTestClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Weights, quota and dynamic reservations are in the registry: a second master started on the same
 * PostgreSQL (as after a restart or failover) has them, and a re-registering agent gets its reservation back.
 */
@MasterIntegrationTest
class RestartRestoresOperatorStateTest {

  @LocalServerPort int port;
  @Autowired Environment env;

  @Test
  void aRestartedMasterRestoresWeightsQuotaAndReservations() {
    OperatorClient ops = OperatorClient.operator(port);
    String role = "restart" + UUID.randomUUID().toString().substring(0, 8);
    String[] machine = MasterTestClient.uniqueMachine();
    String resources = "cpus:2;mem:256";
    String agentId = new MasterTestClient(port).registerAgent(machine[0], machine[1], "http://localhost:9",
        resources);
    assertThat(ops.put("/weights", "[{\"role\":\"" + role + "\",\"weight\":3.5}]").statusCode()).isEqualTo(200);
    assertThat(ops.v1("{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"force\":true,\"quota_configs\":[{\"role\":\""
        + role + "\",\"limits\":{\"cpus\":{\"value\":7}}}]}}").statusCode()).isEqualTo(200);
    assertThat(ops.form("/reserve", agentId, "resources", "[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":"
        + "{\"value\":1.5},\"reservations\":[{\"type\":\"DYNAMIC\",\"role\":\"" + role
        + "\",\"principal\":\"test-principal\"}]}]").statusCode()).isEqualTo(202);

    try (ConfigurableApplicationContext restarted = MasterApplication.start(Map.of(),
        "--server.port=0",
        "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
        "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
        "--spring.datasource.password=" + env.getProperty("spring.datasource.password"),
        "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
        "--drydock.security.credentials=classpath:credentials.json",
        "--drydock.security.acls=classpath:acls.json",
        "--drydock.master.allocation.interval=200ms",
        // its own election lock: it leads (and restores) while the shared test master keeps leading its own
        "--drydock.master.election-lock=" + (System.nanoTime() & 0xffffff),
        "--spring.profiles.active=plain-logs")) {
      int restartedPort = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));
      OperatorClient after = OperatorClient.operator(restartedPort);
      assertThat(after.get("/weights").body()).contains("{\"role\":\"" + role + "\",\"weight\":3.5}");
      assertThat(after.get("/quota").body()).contains("{\"role\":\"" + role
          + "\",\"limits\":{\"cpus\":{\"value\":7.0}}}");
      assertThat(new MasterTestClient(restartedPort).register(agentId, machine[0], machine[1], "http://localhost:9",
          resources).statusCode()).isEqualTo(200);
      assertThat(after.role(role).get("reserved").toString()).isEqualTo("{\"cpus\":1.5}");
      assertThat(after.role(role).get("weight").asDouble()).isEqualTo(3.5);
    } finally {
      ops.v1("{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"quota_configs\":[{\"role\":\"" + role + "\"}]}}");
    }
  }
}
