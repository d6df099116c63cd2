package io.drydock.master.maintenance.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.events.Envelope;
import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.Topics;
import io.drydock.events.Unavailability;
import io.drydock.support.kafka.DeadLetters;
import io.drydock.support.kafka.EventCodec;
import io.drydock.testsupport.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Through a real broker: the machine changes of one schedule revision published in two parts (so they reach
 * the consumer in two polls) are applied with allocation runs held back from the first part until the
 * second; without the revision's change count a run in between would offer the second machine without its
 * unavailability.
 */
class SplitScheduleRevisionTest {

  private final EventCodec codec = new EventCodec();
  private final List<String> seen = new ArrayList<>();
  private final String prefix = "split-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @Test
  void runsStayHeldFromTheFirstPartOfARevisionUntilItsLastChange() throws Exception {
    String servers = Infrastructure.get().kafkaBootstrapServers();
    createMachineStateTopic(servers);
    KafkaProperties kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of(servers));
    MachineStateConsumer consumer = new MachineStateConsumer(kafka, codec, change -> {
      if (change.machine().hostname().startsWith(prefix)) {
        record(change.machine().hostname().substring(prefix.length()));
      }
    }, new MachineStateConsumer.Hold() {
      @Override
      public void hold() {
        record("hold");
      }

      @Override
      public void release() {
        record("release");
      }
    }, new DeadLetters(null, new SimpleMeterRegistry(), "master-service"), null, Duration.ofSeconds(1),
        Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(120));
    long revision = System.currentTimeMillis();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(), new StringSerializer())) {
      consumer.start();
      publish(producer, "a", revision);
      await().atMost(Duration.ofSeconds(60)).until(() -> seen().contains("a"));
      publish(producer, "b", revision);
      await().atMost(Duration.ofSeconds(60)).until(() -> seen().contains("b")
          && seen().subList(seen().indexOf("b"), seen().size()).contains("release"));
    } finally {
      consumer.stop();
    }
    List<String> events = seen();
    assertThat(events.subList(events.indexOf("a"), events.indexOf("b")))
        .as("no run between the two parts of revision %d: %s", revision, events).doesNotContain("release");
    assertThat(events.subList(0, events.indexOf("a"))).as("held while applying a").endsWith("hold");
  }

  private void publish(KafkaProducer<String, String> producer, String host, long revision)
      throws Exception {
    MachineId machine = new MachineId(prefix + host, "10.0.0.1");
    Unavailability window = new Unavailability(Instant.now().plusSeconds(600).toEpochMilli() * 1_000_000L,
        Duration.ofHours(1).toNanos());
    MachineStateChanged change = new MachineStateChanged(machine, MachineMode.UP, MachineMode.DRAINING, window,
        revision, "ops", null, 2);
    producer.send(new ProducerRecord<>(Topics.MACHINE_STATE, machine.key(),
        codec.write(Envelope.of(change, Instant.now())))).get(30, TimeUnit.SECONDS);
  }

  private static void createMachineStateTopic(String servers) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      admin.createTopics(List.of(new NewTopic(Topics.MACHINE_STATE, 3, (short) 1)
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
          .all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private synchronized void record(String event) {
    seen.add(event);
  }

  private synchronized List<String> seen() {
    return List.copyOf(seen);
  }
}
