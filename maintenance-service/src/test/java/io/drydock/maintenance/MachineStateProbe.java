package io.drydock.maintenance;

import io.drydock.events.Envelope;
import io.drydock.events.Topics;
import io.drydock.support.kafka.EventCodec;
import io.drydock.testsupport.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code drydock.machine-state} from its current end: the events published after creation. */
final class MachineStateProbe implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final EventCodec codec = new EventCodec();
  private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

  MachineStateProbe() {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.MACHINE_STATE, Duration.ofSeconds(30)).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /** Everything received so far (polls once more). */
  List<ConsumerRecord<String, String>> records() {
    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    return List.copyOf(records);
  }

  List<Envelope> envelopes() {
    return records().stream().map(r -> codec.read(r.value())).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
