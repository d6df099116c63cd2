package io.drydock.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.Envelope;
import io.drydock.events.InverseOfferResponded;
import io.drydock.events.MachineId;
import io.drydock.events.Topics;
import io.drydock.support.kafka.DeadLetters;
import io.drydock.support.kafka.EventCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker and PostgreSQL are stopped and started again under the running suite (each on its own
 * ports and data directory, so no other test is disturbed): what was committed is delivered, what
 * arrived is applied, nothing is lost or applied twice, and every service is ready again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfrastructureFaultsTest {

  @TempDir static Path dataDir;
  private Suite suite;
  private final EventCodec codec = new EventCodec();

  @BeforeAll
  void startSuite() throws Exception {
    suite = Suite.start(dataDir, 1, 2);
  }

  @AfterAll
  void stopSuite() {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void kafkaBrokerRestartLosesNothingAndConsumersResume() throws Exception {
    suite.stopKafka();
    long stoppedAt = System.nanoTime();
    for (int n = 1; n <= 3; n++) {
      RawHttp.Response posted = suite.call(suite.maintenancePort(), "POST", "/maintenance/schedule", schedule("k", n));
      assertThat(posted.status()).as("committed while Kafka is down: %s", posted.bodyText()).isEqualTo(200);
    }
    long postedAt = System.nanoTime();
    assertThat(suite.count("SELECT count(*) FROM maintenance.outbox")).as("events wait in the outbox").isGreaterThanOrEqualTo(3);
    assertThat(suite.count("SELECT count(*) FROM maintenance.outbox WHERE event_type = 'AuditRecord'"))
        .as("the writes' audit records wait in the outbox too").isGreaterThanOrEqualTo(3);

    suite.startKafkaAgain();
    long restartedAt = System.nanoTime();
    await().atMost(Duration.ofSeconds(60)).until(() -> suite.count("SELECT count(*) FROM maintenance.outbox") == 0);
    long drainedAt = System.nanoTime();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Set<String> drainingK = machineStateEvents().stream()
          .filter(e -> e.payload() instanceof io.drydock.events.MachineStateChanged c
              && c.machine().hostname().startsWith("k-"))
          .map(e -> ((io.drydock.events.MachineStateChanged) e.payload()).machine().hostname())
          .collect(Collectors.toSet());
      assertThat(drainingK).containsExactlyInAnyOrder("k-1", "k-2", "k-3");
    });
    List<Envelope> events = machineStateEvents();
    assertThat(new HashSet<>(events.stream().map(Envelope::eventId).toList()))
        .as("no event published twice").hasSize(events.size());

    // the inverse-offer listener (a consumer group) and the ACL readers (no group) resumed
    Envelope answer = answer("k-1", "fw-after-kafka-restart");
    suite.produce(Topics.INVERSE_OFFER_RESPONSES, "k-1", codec.write(answer));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(status()).contains("fw-after-kafka-restart"));
    int aclDeadBefore = suite.records(DeadLetters.topicOf(Topics.ACLS)).size();
    suite.produce(Topics.ACLS, "acls", "poison after restart");
    await().atMost(Duration.ofSeconds(30)).until(() ->
        suite.records(DeadLetters.topicOf(Topics.ACLS)).size() >= aclDeadBefore + 3);
    for (int port : suite.ports()) {
      assertThat(suite.ready(port)).as("ready: %d", port).isTrue();
    }
    System.out.printf("Kafka restart: 3 writes took %d ms while the broker was down; broker down %d ms; outbox"
        + " drained %d ms after the broker came back%n", (postedAt - stoppedAt) / 1_000_000,
        (restartedAt - stoppedAt) / 1_000_000, (drainedAt - restartedAt) / 1_000_000);
  }

  @Test
  void postgresRestartLosesNothingAndServicesRecover() throws Exception {
    assertThat(suite.call(suite.maintenancePort(), "POST", "/maintenance/schedule", schedule("p", 1)).status())
        .isEqualTo(200);
    suite.stopPostgres();
    long stoppedAt = System.nanoTime();
    // an answer arrives while the database is down: the listener must retry it, not drop or dead-letter it
    suite.produce(Topics.INVERSE_OFFER_RESPONSES, "p-1", codec.write(answer("p-1", "fw-during-db-outage")));
    await().atMost(Duration.ofSeconds(30)).until(() -> !suite.ready(suite.maintenancePort()));

    suite.startPostgresAgain();
    long restartedAt = System.nanoTime();
    await().atMost(Duration.ofSeconds(60)).until(() -> suite.ports().stream().allMatch(suite::ready));
    long readyAt = System.nanoTime();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status()).contains("fw-during-db-outage"));
    assertThat(suite.records(DeadLetters.topicOf(Topics.INVERSE_OFFER_RESPONSES)))
        .as("nothing dead-lettered for a database outage").noneMatch(v -> v.contains("fw-during-db-outage"));

    RawHttp.Response again = suite.call(suite.maintenancePort(), "POST", "/maintenance/schedule", schedule("p", 2));
    assertThat(again.status()).as(again.bodyText()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(machineStateEvents())
        .anyMatch(e -> e.payload() instanceof io.drydock.events.MachineStateChanged c
            && c.machine().hostname().equals("p-2")));
    assertThat(suite.call(suite.authPort(), "GET", "/credentials", null).status()).isEqualTo(200);
    System.out.printf("PostgreSQL restart: database down %d ms; all services ready %d ms after it came back%n",
        (restartedAt - stoppedAt) / 1_000_000, (readyAt - restartedAt) / 1_000_000);
  }

  private static String schedule(String prefix, int machines) {
    String ids = IntStream.rangeClosed(1, machines)
        .mapToObj(i -> "{\"hostname\":\"" + prefix + "-" + i + "\",\"ip\":\"10.1.0." + i + "\"}")
        .collect(Collectors.joining(","));
    return "{\"windows\":[{\"machine_ids\":[" + ids + "],\"unavailability\":{\"start\":{\"nanoseconds\":"
        + "4102444800000000000},\"duration\":{\"nanoseconds\":3600000000000}}}]}";
  }

  private Envelope answer(String hostname, String frameworkId) {
    String ip = "10.1.0." + hostname.substring(hostname.indexOf('-') + 1);
    return Envelope.of(new InverseOfferResponded(frameworkId, "agent-of-" + hostname, new MachineId(hostname, ip),
        InverseOfferResponded.Response.ACCEPT, Instant.now()), Instant.now());
  }

  private String status() {
    return suite.call(suite.maintenancePort(), "GET", "/maintenance/status", null).bodyText();
  }

  private List<Envelope> machineStateEvents() {
    return suite.records(Topics.MACHINE_STATE).stream().map(codec::read).toList();
  }
}
