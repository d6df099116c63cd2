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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Drydock's story end to end, through the real suite (PostgreSQL, Kafka, the four services, simulated
 * agents) and the framework SDK: a framework runs a task; the operator schedules maintenance for its
 * machine; the framework gets an inverse offer and offers carrying the unavailability, accepts, and
 * {@code /maintenance/status} shows it; {@code /machine/down} ends the task TASK_LOST and keeps the
 * agent out; {@code /machine/up} lets it back.
 */
class MaintenanceStoryTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir Path dataDir;

  @Test
  void aFrameworkLearnsOfMaintenanceAnswersItAndItsTaskEndsWhenTheMachineGoesDown() throws Exception {
    StandaloneOptions options = OperatorClient.options(dataDir, 2, "--drydock.master.allocation.interval=200ms");
    try (Standalone suite = Standalone.start(options)) {
      String operator = suite.operatorCredentials().principal();
      String secret = suite.operatorCredentials().secret();
      OperatorClient client = new OperatorClient(options, suite.operatorCredentials());
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
        await().atMost(WAIT).until(() -> client.post(options.maintenancePort(), "/machine/down",
            "[" + machineJson + "]").body().equals(
                "Machine '" + machineJson + "' is not in DRAINING mode and cannot be brought down"));

        long start = Instant.now().plus(Duration.ofHours(1)).toEpochMilli() * 1_000_000L;
        long duration = Duration.ofHours(2).toNanos();
        int offersBefore = offers.size();
        assertThat(client.post(options.maintenancePort(), "/maintenance/schedule",
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
          JsonNode status = client.get(options.maintenancePort(), "/maintenance/status");
          JsonNode draining = status.path("draining_machines").path(0);
          return draining.path("id").path("hostname").asString().equals(machine.hostname())
              && draining.path("statuses").path(0).path("status").asString().equals("ACCEPT")
              && draining.path("statuses").path(0).path("framework_id").path("value").asString()
                  .equals(driver.frameworkId());
        });

        assertThat(client.post(options.maintenancePort(), "/machine/down", "[" + machineJson + "]")
            .statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> updates.stream().anyMatch(u -> u.taskId().equals("web-1")
            && u.state() == TaskState.TASK_LOST && "REASON_SLAVE_REMOVED".equals(u.reason())));
        await().atMost(WAIT).until(() -> !client.agentHostnames().contains(machine.hostname()));
        assertThat(client.agentHostnames()).hasSize(options.agents() - 1);

        assertThat(client.post(options.maintenancePort(), "/machine/up", "[" + machineJson + "]")
            .statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> client.agentHostnames().contains(machine.hostname()));
      }
    }
  }
}
