package io.drydock.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.Envelope;
import io.drydock.events.FrameworkError;
import io.drydock.events.InverseOfferEvent;
import io.drydock.events.InverseOfferResponded;
import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.OfferEvent;
import io.drydock.events.OfferRescinded;
import io.drydock.events.TaskState;
import io.drydock.events.TaskStatusUpdate;
import io.drydock.events.Topics;
import io.drydock.events.Unavailability;
import io.drydock.support.kafka.EventCodec;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * End to end through real Kafka and PostgreSQL: a framework subscribes, gets offers on its topic,
 * launches on a (test) agent, sees the agent's status updates; maintenance drains and downs machines.
 */
@MasterIntegrationTest
class SchedulerFlowTest {

  static final String RESOURCES = "cpus:4;mem:4096";

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventCodec codec;
  @Autowired org.springframework.core.env.Environment env;

  MasterTestClient master;
  TestAgent agent;
  FrameworkEvents events;
  String hostname;
  String ip;

  @BeforeEach
  void setUp() {
    master = new MasterTestClient(port);
    agent = new TestAgent();
    String[] machine = MasterTestClient.uniqueMachine();
    hostname = machine[0];
    ip = machine[1];
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    agent.close();
    if (events != null) {
      events.close();
    }
  }

  String connectFramework(String capabilities) {
    String id = master.subscribe("fw-" + UUID.randomUUID(), "[\"*\"]", capabilities);
    events = new FrameworkEvents(env.getProperty("spring.kafka.bootstrap-servers"), Topics.framework(id), id);
    return id;
  }

  OfferEvent awaitOffer(String agentId, int index) {
    await().atMost(Duration.ofSeconds(20)).until(() -> offersOn(agentId).size() > index);
    return offersOn(agentId).get(index);
  }

  List<OfferEvent> offersOn(String agentId) {
    return events.of(OfferEvent.class).stream().filter(o -> o.agentId().equals(agentId)).toList();
  }

  String launch(String frameworkId, OfferEvent offer, String taskId) {
    HttpResponse<String> r = master.scheduler("""
        {"framework_id":{"value":"%s"},"type":"ACCEPT","accept":{"offer_ids":[{"value":"%s"}],
         "operations":[{"type":"LAUNCH","launch":{"task_infos":[{"name":"sleep","task_id":{"value":"%s"},
           "agent_id":{"value":"%s"},"command":{"value":"sleep 100"},
           "resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":1}},
                        {"name":"mem","type":"SCALAR","scalar":{"value":128}}]}]}}],
         "filters":{"refuse_seconds":0}}}""".formatted(frameworkId, offer.offerId(), taskId, offer.agentId()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return taskId;
  }

  void statusUpdate(String agentId, String frameworkId, String taskId, String state) {
    HttpResponse<String> r = master.post("/agent/v1/status-updates", """
        {"agentId":"%s","updates":[{"frameworkId":"%s","taskId":"%s","state":"%s","statusUuid":"%s",
          "timestamp":"%s"}]}""".formatted(agentId, frameworkId, taskId, state, UUID.randomUUID(), Instant.now()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  void machineState(MachineMode previous, MachineMode mode, Unavailability unavailability) {
    MachineId machine = new MachineId(hostname.toLowerCase(), ip);
    MachineStateChanged change = new MachineStateChanged(machine, previous, mode, unavailability, 1, "ops", null);
    kafka.send(Topics.MACHINE_STATE, machine.key(), codec.write(Envelope.of(change, Instant.now()))).join();
  }

  @Test
  void aTornDownFrameworkGetsAnErrorEventOnItsTopicAndItsTasksAreKilled() {
    String agentId = master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES);
    String frameworkId = connectFramework("");
    launch(frameworkId, awaitOffer(agentId, 0), "task-torn");

    HttpResponse<String> r = master.scheduler("{\"type\":\"TEARDOWN\",\"framework_id\":{\"value\":\""
        + frameworkId + "\"}}");
    assertThat(r.statusCode()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(FrameworkError.class).isEmpty());
    assertThat(events.of(FrameworkError.class)).singleElement().satisfies(e -> {
      assertThat(e.frameworkId()).isEqualTo(frameworkId);
      assertThat(e.message()).isEqualTo("Framework has been removed: Framework requested teardown");
    });
    assertThat(events.of(TaskStatusUpdate.class)).anySatisfy(u -> {
      assertThat(u.taskId()).isEqualTo("task-torn");
      assertThat(u.state()).isEqualTo(TaskState.TASK_KILLED);
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.received("/kill").isEmpty());
  }

  @Test
  void acceptedLaunchReachesTheAgentAndItsStatusReachesTheTopic() {
    String agentId = master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES);
    String frameworkId = connectFramework("");

    OfferEvent offer = awaitOffer(agentId, 0);
    assertThat(offer.hostname()).isEqualTo(hostname);
    assertThat(offer.unavailability()).isNull();
    launch(frameworkId, offer, "task-1");

    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.received("/launch").isEmpty());
    assertThat(agent.received("/launch").get(0).path()).isEqualTo("/agent/v1/" + agentId + "/launch");
    assertThat(agent.received("/launch").get(0).body()).contains("task-1", "sleep 100", frameworkId);

    statusUpdate(agentId, frameworkId, "task-1", "TASK_RUNNING");
    await().atMost(Duration.ofSeconds(10)).until(() -> events.of(TaskStatusUpdate.class).stream()
        .anyMatch(u -> u.taskId().equals("task-1") && u.state() == TaskState.TASK_RUNNING));
    // the unused resources come back in a new offer without the task's cpus
    OfferEvent next = awaitOffer(agentId, 1);
    assertThat(next.resources()).anyMatch(r -> r.name().equals("cpus") && r.scalar() == 3.0);
  }

  @Test
  void oneBatchWithSeveralUpdatesOfATaskPublishesEachOnceInOrder() {
    String agentId = master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES);
    String frameworkId = connectFramework("");
    launch(frameworkId, awaitOffer(agentId, 0), "task-b");
    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.received("/launch").isEmpty());

    String running = UUID.randomUUID().toString();
    String update = """
        {"frameworkId":"%s","taskId":"%%s","state":"%%s","statusUuid":"%%s","timestamp":"%s"}"""
        .formatted(frameworkId, Instant.now());
    HttpResponse<String> r = master.post("/agent/v1/status-updates", "{\"agentId\":\"" + agentId + "\",\"updates\":["
        + String.join(",", update.formatted("task-b", "TASK_STARTING", UUID.randomUUID()),
            update.formatted("task-b", "TASK_RUNNING", running),
            update.formatted("task-b", "TASK_RUNNING", running), // the same update again: applied once
            update.formatted("task-unknown", "TASK_RUNNING", UUID.randomUUID()),
            update.formatted("task-b", "TASK_FINISHED", UUID.randomUUID()),
            update.formatted("task-b", "TASK_FAILED", UUID.randomUUID())) // after a terminal state: ignored
        + "]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> events.of(TaskStatusUpdate.class).stream()
        .anyMatch(u -> u.taskId().equals("task-b") && u.state() == TaskState.TASK_FINISHED));
    // the finished task's cpu comes back: offered again (alone, or with the rest of the agent)
    await().atMost(Duration.ofSeconds(20)).until(() -> offersOn(agentId).stream().skip(1)
        .anyMatch(o -> o.resources().stream().anyMatch(res -> res.name().equals("cpus")
            && (res.scalar() == 1.0 || res.scalar() == 4.0))));
    assertThat(events.of(TaskStatusUpdate.class).stream().filter(u -> !u.taskId().equals("task-unknown")))
        .extracting(TaskStatusUpdate::state)
        .containsExactly(TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);
    assertThat(events.of(TaskStatusUpdate.class)).noneMatch(u -> u.taskId().equals("task-unknown"));
  }

  @Test
  void aResentBatchWhoseAcknowledgementWasLostChangesNothing() {
    String agentId = master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES);
    String frameworkId = connectFramework("");
    launch(frameworkId, awaitOffer(agentId, 0), "task-r");
    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.received("/launch").isEmpty());
    Instant started = Instant.now();
    String update = """
        {"frameworkId":"%s","taskId":"task-r","state":"%%s","statusUuid":"%%s","timestamp":"%%s"}"""
        .formatted(frameworkId);
    String batch = "{\"agentId\":\"" + agentId + "\",\"updates\":[" + String.join(",",
        update.formatted("TASK_STARTING", UUID.randomUUID(), started),
        update.formatted("TASK_RUNNING", UUID.randomUUID(), started.plusMillis(5))) + "]}";

    assertThat(master.post("/agent/v1/status-updates", batch).statusCode()).isEqualTo(200);
    assertThat(master.post("/agent/v1/status-updates", batch).statusCode()).isEqualTo(200);
    statusUpdate(agentId, frameworkId, "task-r", "TASK_FINISHED");

    await().atMost(Duration.ofSeconds(10)).until(() -> events.of(TaskStatusUpdate.class).stream()
        .anyMatch(u -> u.taskId().equals("task-r") && u.state() == TaskState.TASK_FINISHED));
    assertThat(events.of(TaskStatusUpdate.class).stream().filter(u -> u.taskId().equals("task-r")))
        .extracting(TaskStatusUpdate::state)
        .containsExactly(TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);
  }

  @Test
  void batchedHeartbeatsAnswerWithTheIdsTheMasterDoesNotKnow() {
    String agentId = master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES);
    HttpResponse<String> r = master.post("/agent/v1/heartbeats",
        "{\"agentIds\":[\"" + agentId + "\",\"forgotten-S9\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"unknownAgentIds\":[\"forgotten-S9\"]}");
    assertThat(master.post("/agent/v1/heartbeat", "{\"agentId\":\"" + agentId + "\"}").statusCode())
        .as("the single-agent heartbeat still works").isEqualTo(200);

    HttpResponse<String> missing = master.post("/agent/v1/heartbeats", "{}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("'agentIds' is required");
    assertThat(master.post("/agent/v1/heartbeats", "{\"agentIds\":[]}", null, null, "application/json")
        .statusCode()).as("authenticated like every agent-protocol call").isEqualTo(401);
  }

  @Test
  void aRegistrationRetriedBeforeTheIdWasUsedGetsTheSameIdAndARestartedAgentReplacesItsOldSelf() {
    String first = master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES);
    assertThat(master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES))
        .as("the answer to the first registration was lost: the retry gets the same id").isEqualTo(first);
    assertThat(master.post("/agent/v1/heartbeat", "{\"agentId\":\"" + first + "\"}").statusCode()).isEqualTo(200);

    String second = master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES);
    assertThat(second).as("the agent used its id, so a registration without it is a restarted agent")
        .isNotEqualTo(first);
    assertThat(master.post("/agent/v1/heartbeats", "{\"agentIds\":[\"" + first + "\",\"" + second + "\"]}").body())
        .as("the old agent was removed at once").isEqualTo("{\"unknownAgentIds\":[\"" + first + "\"]}");
  }

  @Test
  void declineFiltersTheAgentUntilRevive() {
    String agentId = master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES);
    String frameworkId = connectFramework("");
    OfferEvent offer = awaitOffer(agentId, 0);

    HttpResponse<String> r = master.scheduler("""
        {"framework_id":{"value":"%s"},"type":"DECLINE","decline":{"offer_ids":[{"value":"%s"}],
         "filters":{"refuse_seconds":3600}}}""".formatted(frameworkId, offer.offerId()));
    assertThat(r.statusCode()).isEqualTo(202);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> offersOn(agentId).size() == 1);

    r = master.scheduler("{\"framework_id\":{\"value\":\"" + frameworkId + "\"},\"type\":\"REVIVE\"}");
    assertThat(r.statusCode()).isEqualTo(202);
    awaitOffer(agentId, 1);
  }

  @Test
  void drainingMachineSendsInverseOffersAndPublishesTheAnswer() {
    String agentId = master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES);
    String frameworkId = connectFramework("");
    OfferEvent first = awaitOffer(agentId, 0);

    long start = Instant.now().plus(Duration.ofHours(1)).toEpochMilli() * 1_000_000L;
    Unavailability unavailability = new Unavailability(start, Duration.ofHours(2).toNanos());
    machineState(MachineMode.UP, MachineMode.DRAINING, unavailability);

    await().atMost(Duration.ofSeconds(20)).until(() -> events.of(OfferRescinded.class).stream()
        .anyMatch(o -> o.offerId().equals(first.offerId())));
    OfferEvent drained = awaitOffer(agentId, 1);
    assertThat(drained.unavailability()).isEqualTo(unavailability);
    await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(InverseOfferEvent.class).isEmpty());
    InverseOfferEvent inverse = events.of(InverseOfferEvent.class).get(0);
    assertThat(inverse.agentId()).isEqualTo(agentId);
    assertThat(inverse.unavailability()).isEqualTo(unavailability);
    assertThat(inverse.machine()).isEqualTo(new MachineId(hostname, ip));

    try (FrameworkEvents responses = new FrameworkEvents(env.getProperty("spring.kafka.bootstrap-servers"),
        Topics.INVERSE_OFFER_RESPONSES, "test-" + UUID.randomUUID())) {
      HttpResponse<String> r = master.scheduler("""
          {"framework_id":{"value":"%s"},"type":"ACCEPT_INVERSE_OFFERS",
           "accept_inverse_offers":{"inverse_offer_ids":[{"value":"%s"}]}}""".formatted(frameworkId,
          inverse.inverseOfferId()));
      assertThat(r.statusCode()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(10)).until(() -> responses.of(InverseOfferResponded.class).stream()
          .anyMatch(e -> e.agentId().equals(agentId) && e.frameworkId().equals(frameworkId)
              && e.response() == InverseOfferResponded.Response.ACCEPT));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void machineDownShutsAgentsDownEndsTasksAndRefusesThemUntilUp() {
    String agentId = master.registerAgent(hostname, ip, agent.endpoint(), RESOURCES);
    String frameworkId = connectFramework("");
    launch(frameworkId, awaitOffer(agentId, 0), "doomed");
    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.received("/launch").isEmpty());
    statusUpdate(agentId, frameworkId, "doomed", "TASK_RUNNING");

    Unavailability unavailability = new Unavailability(Instant.now().toEpochMilli() * 1_000_000L, null);
    machineState(MachineMode.UP, MachineMode.DRAINING, unavailability);
    machineState(MachineMode.DRAINING, MachineMode.DOWN, unavailability);

    await().atMost(Duration.ofSeconds(20)).until(() -> !agent.received("/shutdown").isEmpty());
    assertThat(agent.received("/shutdown").get(0).body()).contains("Operator initiated 'Machine DOWN'");
    await().atMost(Duration.ofSeconds(10)).until(() -> events.of(TaskStatusUpdate.class).stream()
        .anyMatch(u -> u.taskId().equals("doomed") && u.state() == TaskState.TASK_LOST));
    TaskStatusUpdate lost = events.of(TaskStatusUpdate.class).stream()
        .filter(u -> u.state() == TaskState.TASK_LOST).findFirst().orElseThrow();
    assertThat(lost.reason()).isEqualTo("REASON_SLAVE_REMOVED");
    assertThat(lost.source()).isEqualTo("SOURCE_MASTER");
    assertThat(lost.message()).isEqualTo("Operator initiated 'Machine DOWN'");

    HttpResponse<String> refused = master.register(agentId, hostname.toUpperCase(), ip, agent.endpoint(), RESOURCES);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("Machine is `DOWN`").contains("\"shutdown\":true");

    machineState(MachineMode.DOWN, MachineMode.UP, null);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        master.register(agentId, hostname, ip, agent.endpoint(), RESOURCES).statusCode() == 200);
  }
}
