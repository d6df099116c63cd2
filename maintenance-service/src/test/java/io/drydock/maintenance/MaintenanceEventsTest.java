package io.drydock.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.Envelope;
import io.drydock.events.InverseOfferResponded;
import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.Topics;
import io.drydock.events.Unavailability;
import io.drydock.support.kafka.EventCodec;
import io.drydock.testsupport.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events through real Kafka: MachineStateChanged for every mode or unavailability change (keyed by
 * machine, with revision, principal, reason and the revision's change count); InverseOfferResponded applied idempotently to the status;
 * the audit trail.
 */
class MaintenanceEventsTest extends MaintenanceHttpTest {

  static final MachineId M1 = new MachineId("Machine1", "0.0.0.1");
  static final MachineId M2 = new MachineId("Machine2", "0.0.0.2");
  static final Unavailability HOUR_FROM_ZERO = new Unavailability(0, 3_600_000_000_000L);

  MachineStateProbe probe;
  KafkaProducer<String, String> producer;
  final EventCodec codec = new EventCodec();

  @BeforeEach
  void openKafka() {
    // Events of earlier tests are published before the probe starts reading.
    await().atMost(Duration.ofSeconds(20)).until(
        () -> jdbc.queryForObject("SELECT count(*) FROM maintenance.outbox", Integer.class) == 0);
    probe = new MachineStateProbe();
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        Infrastructure.get().kafkaBootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0),
        new StringSerializer(), new StringSerializer());
  }

  @AfterEach
  void closeKafka() {
    probe.close();
    producer.close();
  }

  @Test
  void everyModeAndUnavailabilityChangeIsPublishedKeyedByMachine() {
    String m1 = machine("Machine1", "0.0.0.1");
    String m2 = machine("Machine2", "0.0.0.2");
    assertOk(send("POST", "/maintenance/schedule?reason=kernel%20upgrade", schedule(window(0, m1, m2)), PRINCIPAL,
        SECRET, null));
    assertOk(send("POST", "/machine/down", "[" + m1 + "]", PRINCIPAL, SECRET, null, "X-Drydock-Reason", "rack 4"));
    assertOk(post("/machine/up", "[" + m1 + "]"));
    assertOk(post("/maintenance/schedule", "{}"));

    List<MachineStateChanged> expected = List.of(
        new MachineStateChanged(M1, MachineMode.UP, MachineMode.DRAINING, HOUR_FROM_ZERO, 1, PRINCIPAL, "kernel upgrade",
            2),
        new MachineStateChanged(M2, MachineMode.UP, MachineMode.DRAINING, HOUR_FROM_ZERO, 1, PRINCIPAL, "kernel upgrade",
            2),
        new MachineStateChanged(M1, MachineMode.DRAINING, MachineMode.DOWN, HOUR_FROM_ZERO, 2, PRINCIPAL, "rack 4", 1),
        new MachineStateChanged(M1, MachineMode.DOWN, MachineMode.UP, null, 3, PRINCIPAL, null, 1),
        new MachineStateChanged(M2, MachineMode.DRAINING, MachineMode.UP, null, 4, PRINCIPAL, null, 1));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(probe.envelopes().stream().map(Envelope::payload).toList()).containsExactlyInAnyOrderElementsOf(expected));
    assertThat(probe.records()).allSatisfy(r -> assertThat(r.key()).isIn(M1.key(), M2.key()));
    // Per machine, in order (one key, one partition).
    assertThat(probe.envelopes().stream().map(e -> (MachineStateChanged) e.payload())
        .filter(e -> e.machine().equals(M1)).map(MachineStateChanged::mode).toList())
        .containsExactly(MachineMode.DRAINING, MachineMode.DOWN, MachineMode.UP);
  }

  @Test
  void repostingReappliesUnavailabilityAndAnnouncesIt() {
    String m1 = machine("Machine1", "0.0.0.1");
    assertOk(post("/maintenance/schedule", schedule(window(0, m1))));
    assertOk(post("/maintenance/schedule", schedule(window(0, m1))));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(probe.envelopes().stream().map(Envelope::payload).toList()).containsExactly(
            new MachineStateChanged(M1, MachineMode.UP, MachineMode.DRAINING, HOUR_FROM_ZERO, 1, PRINCIPAL, null, 1),
            new MachineStateChanged(M1, MachineMode.DRAINING, MachineMode.DRAINING, HOUR_FROM_ZERO, 2, PRINCIPAL, null,
                1)));
  }

  @Test
  void inverseOfferResponsesShowInStatusOnceEachAndAreClearedByRepost() {
    String m1 = machine("Machine1", "0.0.0.1");
    assertOk(post("/maintenance/schedule", schedule(window(0, m1, machine("Machine2", "0.0.0.2")))));
    Instant answered = Instant.now().plusSeconds(1);
    long nanos = answered.getEpochSecond() * 1_000_000_000L + answered.getNano();
    Envelope decline = Envelope.of(new InverseOfferResponded("fw-1", "agent-1", M1,
        InverseOfferResponded.Response.DECLINE, answered), answered);
    publish(decline);
    publish(decline); // redelivered: applied once
    publishRaw("not json at all");
    publishRaw("{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"type\":\"InverseOfferResponded\"}");
    Envelope accept = Envelope.of(new InverseOfferResponded("fw-2", "agent-1", M1,
        InverseOfferResponded.Response.ACCEPT, answered), answered);
    publish(accept);
    // A later answer of fw-1 replaces its earlier one; an answer for a machine that is not draining is dropped.
    publish(Envelope.of(new InverseOfferResponded("fw-1", "agent-1", new MachineId("other", "9.9.9.9"),
        InverseOfferResponded.Response.ACCEPT, answered), answered));

    String expected = "{\"draining_machines\":[{\"id\":" + m1 + ",\"statuses\":["
        + "{\"status\":\"DECLINE\",\"framework_id\":{\"value\":\"fw-1\"},\"timestamp\":{\"nanoseconds\":" + nanos + "}},"
        + "{\"status\":\"ACCEPT\",\"framework_id\":{\"value\":\"fw-2\"},\"timestamp\":{\"nanoseconds\":" + nanos + "}}]},"
        + "{\"id\":{\"hostname\":\"Machine2\",\"ip\":\"0.0.0.2\"}}]}";
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(get("/maintenance/status").body()).isEqualTo(expected));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM maintenance.processed_event WHERE event_id = ?",
        Integer.class, decline.eventId())).isEqualTo(1);

    // Re-posting the schedule re-applies the unavailability and wipes the recorded answers.
    assertOk(post("/maintenance/schedule", schedule(window(0, m1, machine("Machine2", "0.0.0.2")))));
    assertThat(get("/maintenance/status").body()).doesNotContain("statuses");
    // An answer to an inverse offer made before the re-post is stale.
    publish(Envelope.of(new InverseOfferResponded("fw-3", "agent-1", M1, InverseOfferResponded.Response.ACCEPT,
        Instant.now().minusSeconds(60)), Instant.now()));
    Envelope fresh = Envelope.of(new InverseOfferResponded("fw-4", "agent-1", M1,
        InverseOfferResponded.Response.ACCEPT, answered.plusSeconds(5)), Instant.now());
    publish(fresh);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(get("/maintenance/status").body()).contains("fw-4").doesNotContain("fw-3"));
  }

  @Test
  void everyChangeIsAuditedWithPrincipalAndReason() {
    String m1 = machine("Machine1", "0.0.0.1");
    assertOk(send("POST", "/maintenance/schedule", schedule(window(0, m1)), PRINCIPAL, SECRET, null,
        "X-Drydock-Reason", "disk swap"));
    assertOk(send("POST", "/master/machine/down?reason=now", "[" + m1 + "]", PRINCIPAL, SECRET, null));
    String audit = get("/maintenance/audit").body();
    assertThat(audit).contains("\"action\":\"START_MAINTENANCE\"", "\"reason\":\"now\"",
        "\"action\":\"UPDATE_MAINTENANCE_SCHEDULE\"", "\"reason\":\"disk swap\"", "\"principal\":\"test-principal\"",
        "\"previousMode\":\"DRAINING\",\"mode\":\"DOWN\"");
    assertThat(audit.indexOf("START_MAINTENANCE")).isLessThan(audit.indexOf("UPDATE_MAINTENANCE_SCHEDULE"));
    assertThat(get("/maintenance/audit?limit=1").body()).doesNotContain("UPDATE_MAINTENANCE_SCHEDULE");
    assertThat(send("GET", "/maintenance/audit", null, DENIED_PRINCIPAL, DENIED_SECRET, null).body())
        .isEqualTo("{\"entries\":[]}");
    assertThat(get("/maintenance/audit?limit=0").statusCode()).isEqualTo(400);
  }

  @Test
  void aMachineHostingAgentsIsKnownUpAsInMesos() throws Exception {
    String host = "agent-host-" + java.util.UUID.randomUUID();
    String id = machine(host, "0.0.7.1");
    assertThat(post("/machine/down", "[" + id + "]").body()).contains("is not part of a maintenance schedule");
    Envelope registered = Envelope.of(new io.drydock.events.AgentRegistered("agent-7",
        new MachineId(host, "0.0.7.1")), Instant.now());
    producer.send(new ProducerRecord<>(Topics.AGENTS, registered.payload().partitionKey(), codec.write(registered)))
        .get();
    producer.send(new ProducerRecord<>(Topics.AGENTS, "x", "not an event")).get();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(post("/machine/down", "[" + id + "]").body())
        .isEqualTo("Machine '" + id + "' is not in DRAINING mode and cannot be brought down"));
    assertThat(get("/maintenance/status").body()).doesNotContain(host);
  }

  private void publish(Envelope envelope) {
    publishRaw(codec.write(envelope));
  }

  private void publishRaw(String value) {
    try {
      producer.send(new ProducerRecord<>(Topics.INVERSE_OFFER_RESPONSES, M1.key(), value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
