package io.drydock.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.InverseOfferEvent;
import io.drydock.events.MachineId;
import io.drydock.events.OfferEvent;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.events.Unavailability;
import io.drydock.sdk.DrydockSchedulerDriver;
import io.drydock.sdk.Scheduler;
import io.drydock.sdk.SchedulerDriver;
import io.drydock.sdk.SchedulerOptions;
import io.drydock.sdk.TaskSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drydock's story end to end, through the real suite (PostgreSQL, Kafka, the four services, simulated
 * agents) and the framework SDK: a framework runs a task; the operator schedules maintenance for its
 * machine; the framework gets an inverse offer and offers carrying the unavailability, accepts, and
 * {@code /maintenance/status} shows it; {@code /machine/down} ends the task TASK_LOST and keeps the
 * agent out; {@code /machine/up} lets it back.
 */
class MaintenanceStoryTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dataDir;

  @Test
  void aFrameworkLearnsOfMaintenanceAnswersItAndItsTaskEndsWhenTheMachineGoesDown() throws Exception {
    StandaloneOptions options = options();
    try (Standalone suite = Standalone.start(options)) {
      String operator = suite.operatorCredentials().principal();
      String secret = suite.operatorCredentials().secret();
      List<OfferEvent> offers = new CopyOnWriteArrayList<>();
      List<InverseOfferEvent> inverseOffers = new CopyOnWriteArrayList<>();
      List<TaskStatusUpdate> updates = new CopyOnWriteArrayList<>();
      AtomicBoolean launched = new AtomicBoolean();
      Scheduler scheduler = new Scheduler() {
        @Override
        public void offer(SchedulerDriver driver, OfferEvent offer) {
          offers.add(offer);
          if (launched.compareAndSet(false, true)) {
            driver.launch(List.of(offer.offerId()),
                List.of(TaskSpec.command("web-1", offer.agentId(), 0.5, 64, "sleep 3600")), 0);
          }
        }

        @Override
        public void inverseOffer(SchedulerDriver driver, InverseOfferEvent inverseOffer) {
          inverseOffers.add(inverseOffer);
        }

        @Override
        public void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {
          updates.add(update);
        }
      };
      SchedulerOptions framework = SchedulerOptions.of("http://localhost:" + options.masterPort(),
              "localhost:" + options.kafkaPort(), "story-framework")
          .withCredentials(operator, secret);
      try (DrydockSchedulerDriver driver = new DrydockSchedulerDriver(framework, scheduler)) {
        driver.start();

        await().atMost(WAIT).until(() -> updates.stream()
            .anyMatch(u -> u.taskId().equals("web-1") && u.state() == TaskState.TASK_RUNNING));
        String agentId = updates.get(0).agentId();
        MachineId machine = offers.stream().filter(o -> o.agentId().equals(agentId)).findFirst()
            .orElseThrow().machine();
        String machineJson = "{\"hostname\":\"" + machine.hostname() + "\",\"ip\":\"" + machine.ip() + "\"}";

        // the master told maintenance-service that this machine hosts an agent: it is known UP, as in Mesos
        await().atMost(WAIT).until(() -> post(options.maintenancePort(), "/machine/down", operator, secret,
            "[" + machineJson + "]").body().equals(
                "Machine '" + machineJson + "' is not in DRAINING mode and cannot be brought down"));

        long start = Instant.now().plus(Duration.ofHours(1)).toEpochMilli() * 1_000_000L;
        long duration = Duration.ofHours(2).toNanos();
        int offersBefore = offers.size();
        assertThat(post(options.maintenancePort(), "/maintenance/schedule", operator, secret,
            "{\"windows\":[{\"machine_ids\":[" + machineJson + "],\"unavailability\":{\"start\":{\"nanoseconds\":"
                + start + "},\"duration\":{\"nanoseconds\":" + duration + "}}}]}").statusCode()).isEqualTo(200);

        Unavailability expected = new Unavailability(start, duration);
        await().atMost(WAIT).until(() -> inverseOffers.stream()
            .anyMatch(io -> io.agentId().equals(agentId) && expected.equals(io.unavailability())));
        await().atMost(WAIT).until(() -> offers.subList(offersBefore, offers.size()).stream()
            .anyMatch(o -> o.agentId().equals(agentId) && expected.equals(o.unavailability())));

        InverseOfferEvent inverse = inverseOffers.stream().filter(io -> io.agentId().equals(agentId))
            .findFirst().orElseThrow();
        driver.acceptInverseOffers(List.of(inverse.inverseOfferId()), 0);
        await().atMost(WAIT).until(() -> {
          JsonNode status = json.readTree(get(options.maintenancePort(), "/maintenance/status", operator, secret));
          JsonNode draining = status.path("draining_machines").path(0);
          return draining.path("id").path("hostname").asString().equals(machine.hostname())
              && draining.path("statuses").path(0).path("status").asString().equals("ACCEPT")
              && draining.path("statuses").path(0).path("framework_id").path("value").asString()
                  .equals(driver.frameworkId());
        });

        assertThat(post(options.maintenancePort(), "/machine/down", operator, secret, "[" + machineJson + "]")
            .statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> updates.stream().anyMatch(u -> u.taskId().equals("web-1")
            && u.state() == TaskState.TASK_LOST && "REASON_SLAVE_REMOVED".equals(u.reason())));
        await().atMost(WAIT).until(() -> !agentHostnames(options, operator, secret).contains(machine.hostname()));
        assertThat(agentHostnames(options, operator, secret)).hasSize(options.agents() - 1);

        assertThat(post(options.maintenancePort(), "/machine/up", operator, secret, "[" + machineJson + "]")
            .statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> agentHostnames(options, operator, secret).contains(machine.hostname()));
      }
    }
  }

  private List<String> agentHostnames(StandaloneOptions options, String principal, String secret) throws Exception {
    JsonNode slaves = json.readTree(get(options.masterPort(), "/master/slaves", principal, secret)).path("slaves");
    List<String> hostnames = new ArrayList<>();
    slaves.forEach(agent -> hostnames.add(agent.path("hostname").asString()));
    return hostnames;
  }

  private HttpResponse<String> post(int port, String path, String principal, String secret, String body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic(principal, secret))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String get(int port, String path, String principal, String secret) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic(principal, secret)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static String basic(String principal, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((principal + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private StandaloneOptions options() throws IOException {
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--agents", "2",
        "--drydock.master.allocation.interval=200ms"));
    for (String name : List.of("--master-port", "--agent-port", "--maintenance-port", "--auth-port",
        "--postgres-port", "--kafka-port")) {
      args.add(name);
      args.add(String.valueOf(freePortPair()));
    }
    return StandaloneOptions.parse(args.toArray(String[]::new));
  }

  private static int freePortPair() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port < 65_000) {
          try (ServerSocket next = new ServerSocket(port + 1)) {
            return port;
          } catch (IOException taken) {
            // Kafka's controller needs port + 1 too
          }
        }
      }
    }
  }
}
