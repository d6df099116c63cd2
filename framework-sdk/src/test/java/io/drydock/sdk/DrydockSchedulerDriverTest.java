package io.drydock.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.drydock.events.Envelope;
import io.drydock.events.MachineId;
import io.drydock.events.OfferEvent;
import io.drydock.events.Resource;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.events.Unavailability;
import io.drydock.testsupport.Infrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The driver against a real Kafka broker and a recording stand-in for the master's scheduler
 * endpoint (the master itself is tested in master-service).
 */
class DrydockSchedulerDriverTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final Queue<JsonNode> calls = new ConcurrentLinkedQueue<>();
  private final Queue<String> authorizations = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int refuseWith;
  private volatile CountDownLatch holdAcknowledge = new CountDownLatch(0);
  private HttpServer master;
  private String frameworkId;
  @TempDir Path dir;

  @BeforeEach
  void startMaster() throws IOException {
    frameworkId = "fw-" + UUID.randomUUID();
    master = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    master.createContext("/api/v1/scheduler", exchange -> {
      JsonNode call = json.readTree(exchange.getRequestBody().readAllBytes());
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      int status;
      String body = "";
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        status = 503;
        body = "No leader elected";
      } else if (refuseWith != 0) {
        status = refuseWith;
        body = "Not authorized to use roles '[eng]'";
      } else if (call.path("type").asString().equals("SUBSCRIBE")) {
        calls.add(call);
        String id = call.path("framework_id").path("value").asString(frameworkId);
        status = 200;
        body = "{\"type\":\"SUBSCRIBED\",\"subscribed\":{\"framework_id\":{\"value\":\"" + id
            + "\"},\"heartbeat_interval_seconds\":15,\"topic\":\"drydock.framework." + id + "\"}}";
        exchange.getResponseHeaders().add("Mesos-Stream-Id", "stream-1");
      } else {
        calls.add(call);
        status = 202;
        if (call.path("type").asString().startsWith("ACKNOWLEDGE")) {
          try {
            holdAcknowledge.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    });
    master.setExecutor(Executors.newCachedThreadPool());
    master.start();
  }

  @AfterEach
  void stopMaster() {
    master.stop(0);
  }

  private SchedulerOptions options() {
    return SchedulerOptions.of("http://localhost:" + master.getAddress().getPort(),
            Infrastructure.get().kafkaBootstrapServers(), "test-framework")
        .withCredentials("test-principal", "test-secret")
        .withRoles(List.of("eng"))
        .withFrameworkIdFile(dir.resolve("framework-id"));
  }

  @Test
  void deliversEachOfferOnceAndLaunchesWithMesosJson() throws Exception {
    List<OfferEvent> offers = new CopyOnWriteArrayList<>();
    Scheduler scheduler = new Scheduler() {
      @Override
      public void offer(SchedulerDriver driver, OfferEvent offer) {
        offers.add(offer);
        driver.launch(List.of(offer.offerId()),
            List.of(TaskSpec.command("t-1", offer.agentId(), 1, 128, "sleep 1").withLabel("tier", "web")), 5);
      }
    };
    try (DrydockSchedulerDriver driver = new DrydockSchedulerDriver(options(), scheduler)) {
      assertThat(driver.start()).isEqualTo(frameworkId);
      Envelope offer = Envelope.of(new OfferEvent("o-1", frameworkId, "a-1", "host1",
          new MachineId("host1", "10.0.0.1"), "eng", List.of(Resource.scalar("cpus", 4)), Map.of(),
          new Unavailability(1L, null)), Instant.now());
      publish(offer);
      publish(offer);

      await().atMost(Duration.ofSeconds(30)).until(() -> calls.stream()
          .anyMatch(c -> c.path("type").asString().equals("ACCEPT")));
      JsonNode accept = calls.stream().filter(c -> c.path("type").asString().equals("ACCEPT")).findFirst()
          .orElseThrow();
      assertThat(accept.at("/framework_id/value").asString()).isEqualTo(frameworkId);
      assertThat(accept.at("/accept/offer_ids/0/value").asString()).isEqualTo("o-1");
      JsonNode task = accept.at("/accept/operations/0/launch/task_infos/0");
      assertThat(accept.at("/accept/operations/0/type").asString()).isEqualTo("LAUNCH");
      assertThat(task.at("/task_id/value").asString()).isEqualTo("t-1");
      assertThat(task.at("/agent_id/value").asString()).isEqualTo("a-1");
      assertThat(task.at("/command/value").asString()).isEqualTo("sleep 1");
      assertThat(task.at("/resources/0/scalar/value").asDouble()).isEqualTo(1.0);
      assertThat(task.at("/labels/labels/0/key").asString()).isEqualTo("tier");
      assertThat(offers).hasSize(1);
      assertThat(offers.get(0).unavailability()).isEqualTo(new Unavailability(1L, null));
      assertThat(authorizations).allMatch(a -> a.startsWith("Basic "));
    }
  }

  @Test
  void acknowledgesStatusUpdatesAfterTheCallback() throws Exception {
    List<TaskStatusUpdate> updates = new CopyOnWriteArrayList<>();
    Scheduler scheduler = recording(updates);
    try (DrydockSchedulerDriver driver = new DrydockSchedulerDriver(options(), scheduler)) {
      driver.start();
      publish(Envelope.of(new TaskStatusUpdate(frameworkId, "t-1", "a-1", TaskState.TASK_RUNNING,
          "SOURCE_AGENT", null, null, "uuid-1", Instant.now()), Instant.now()));
      await().atMost(Duration.ofSeconds(30)).until(() -> calls.stream()
          .anyMatch(c -> c.path("type").asString().equals("ACKNOWLEDGE")));
      JsonNode ack = calls.stream().filter(c -> c.path("type").asString().equals("ACKNOWLEDGE")).findFirst()
          .orElseThrow();
      assertThat(ack.at("/acknowledge/uuid").asString()).isEqualTo("uuid-1");
      assertThat(ack.at("/acknowledge/task_id/value").asString()).isEqualTo("t-1");
      assertThat(updates).extracting(TaskStatusUpdate::state).containsExactly(TaskState.TASK_RUNNING);
    }
  }

  @Test
  void theEventThreadGoesOnWhileAcknowledgementsAreInFlightAndTheQueuedOnesGoTogether() throws Exception {
    holdAcknowledge = new CountDownLatch(1);
    List<TaskStatusUpdate> updates = new CopyOnWriteArrayList<>();
    Scheduler scheduler = recording(updates);
    try (DrydockSchedulerDriver driver = new DrydockSchedulerDriver(options(), scheduler)) {
      driver.start();
      for (int i = 1; i <= 5; i++) {
        publish(Envelope.of(new TaskStatusUpdate(frameworkId, "t-" + i, "a-1", TaskState.TASK_RUNNING,
            "SOURCE_AGENT", null, null, "uuid-" + i, Instant.now()), Instant.now()));
      }
      // the master holds every acknowledgement: a driver acknowledging on its event thread would stop at update 1
      await().atMost(Duration.ofSeconds(30)).until(() -> updates.size() == 5);
      holdAcknowledge.countDown();
      await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged().size() == 5);
      assertThat(acknowledged()).containsExactlyInAnyOrder("uuid-1", "uuid-2", "uuid-3", "uuid-4", "uuid-5");
      // the first call was held until all five had been consumed, so the other four went in one more call
      List<JsonNode> ackCalls = calls.stream().filter(c -> c.path("type").asString().startsWith("ACKNOWLEDGE"))
          .toList();
      assertThat(ackCalls).hasSizeLessThanOrEqualTo(2);
      JsonNode last = ackCalls.get(ackCalls.size() - 1);
      assertThat(last.path("type").asString()).isEqualTo("ACKNOWLEDGE_BATCH");
      assertThat(last.at("/acknowledge_batch/acknowledgements/0/agent_id/value").asString()).isEqualTo("a-1");
    } finally {
      holdAcknowledge.countDown();
    }
  }

  /** A scheduler that records the status updates it is given. */
  private static Scheduler recording(List<TaskStatusUpdate> updates) {
    return new Scheduler() {
      @Override
      public void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {
        updates.add(update);
      }
    };
  }

  /** Status uuids acknowledged so far, alone (ACKNOWLEDGE) or in batches (ACKNOWLEDGE_BATCH). */
  private List<String> acknowledged() {
    List<String> uuids = new java.util.ArrayList<>();
    for (JsonNode c : calls) {
      String type = c.path("type").asString();
      if (type.equals("ACKNOWLEDGE")) {
        uuids.add(c.at("/acknowledge/uuid").asString());
      } else if (type.equals("ACKNOWLEDGE_BATCH")) {
        c.at("/acknowledge_batch/acknowledgements").forEach(a -> uuids.add(a.path("uuid").asString()));
      }
    }
    return uuids;
  }

  @Test
  void aRestartedFrameworkResubscribesWithItsStoredId() {
    try (DrydockSchedulerDriver first = new DrydockSchedulerDriver(options(), new Scheduler() {})) {
      first.start();
    }
    calls.clear();
    try (DrydockSchedulerDriver again = new DrydockSchedulerDriver(options(), new Scheduler() {})) {
      assertThat(again.start()).isEqualTo(frameworkId);
    }
    JsonNode subscribe = calls.peek();
    assertThat(subscribe.at("/framework_id/value").asString()).isEqualTo(frameworkId);
    assertThat(subscribe.at("/subscribe/framework_info/roles/0").asString()).isEqualTo("eng");
  }

  @Test
  void aRestartedFrameworkGetsOnlyTheEventsAfterThoseItHandledBeforeStopping() throws Exception {
    List<String> seenFirst = new CopyOnWriteArrayList<>();
    try (DrydockSchedulerDriver first = new DrydockSchedulerDriver(options(), offerIds(seenFirst))) {
      first.start();
      publish(offer("o-1"));
      await().atMost(Duration.ofSeconds(30)).until(() -> seenFirst.contains("o-1"));
    }
    List<String> seenAgain = new CopyOnWriteArrayList<>();
    try (DrydockSchedulerDriver again = new DrydockSchedulerDriver(options(), offerIds(seenAgain))) {
      again.start();
      publish(offer("o-2"));
      await().atMost(Duration.ofSeconds(30)).until(() -> seenAgain.contains("o-2"));
    }
    assertThat(seenAgain).containsExactly("o-2");
  }

  private static Scheduler offerIds(List<String> into) {
    return new Scheduler() {
      @Override
      public void offer(SchedulerDriver driver, OfferEvent offer) {
        into.add(offer.offerId());
      }
    };
  }

  private Envelope offer(String id) {
    return Envelope.of(new OfferEvent(id, frameworkId, "a-1", "host1", new MachineId("host1", "10.0.0.1"), "eng",
        List.of(Resource.scalar("cpus", 4)), Map.of(), null), Instant.now());
  }

  @Test
  void retriesWhileTheMasterIsUnavailableAndGivesUpOnARefusal() {
    failuresLeft.set(2);
    try (DrydockSchedulerDriver driver =
        new DrydockSchedulerDriver(options(), new Scheduler() {}, 5, Duration.ofMillis(10))) {
      assertThat(driver.start()).isEqualTo(frameworkId);
    }
    refuseWith = 403;
    DrydockSchedulerDriver refused = new DrydockSchedulerDriver(options(), new Scheduler() {}, 5, Duration.ofMillis(10));
    assertThatThrownBy(refused::start).isInstanceOf(MasterCallException.class)
        .hasMessageContaining("403").hasMessageContaining("Not authorized");
  }

  private void publish(Envelope envelope) throws Exception {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("drydock.framework." + frameworkId, frameworkId,
          json.writeValueAsString(envelope))).get();
    }
  }
}
