package io.drydock.master.maintenance.messaging;

import io.drydock.events.Envelope;
import io.drydock.events.MachineStateChanged;
import io.drydock.events.Topics;
import io.drydock.master.agent.AgentRegistry;
import io.drydock.support.kafka.EventCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads {@code drydock.machine-state} from the beginning of every partition, without a consumer group
 * (every master replica needs every machine's mode), and hands each MachineStateChanged to the agents.
 * Re-applying a state is harmless, so no processed-event ledger is needed.
 */
@Component
class MachineStateConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MachineStateConsumer.class);

  private final KafkaProperties kafka;
  private final EventCodec codec;
  private final AgentRegistry agents;
  private volatile KafkaConsumer<String, String> consumer;
  private volatile Thread thread;
  private volatile boolean running;

  MachineStateConsumer(KafkaProperties kafka, EventCodec codec, AgentRegistry agents) {
    this.kafka = kafka;
    this.codec = codec;
    this.agents = agents;
  }

  private void loop() {
    Map<String, Object> props = kafka.buildConsumerProperties();
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
      consumer = c;
      List<TopicPartition> partitions = List.of();
      while (running && partitions.isEmpty()) {
        partitions = c.partitionsFor(Topics.MACHINE_STATE, Duration.ofSeconds(5)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
          Thread.sleep(500);
        }
      }
      c.assign(partitions);
      c.seekToBeginning(partitions);
      while (running) {
        for (ConsumerRecord<String, String> record : c.poll(Duration.ofSeconds(1))) {
          apply(record);
        }
      }
    } catch (WakeupException | InterruptedException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("The machine-state consumer stopped", e);
    }
  }

  private void apply(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return;
    }
    try {
      Envelope envelope = codec.read(record.value());
      if (envelope.payload() instanceof MachineStateChanged change && change.machine() != null
          && change.mode() != null) {
        log.info("Machine {} is {} (was {})", change.machine(), change.mode(), change.previousMode());
        agents.machineChanged(change.machine(), change.mode(), change.unavailability());
      }
    } catch (EventCodec.MalformedEventException e) {
      log.warn("Skipped an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
    } catch (RuntimeException e) {
      log.error("Could not apply the machine state at {}-{}@{}", record.topic(), record.partition(),
          record.offset(), e);
    }
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::loop, "machine-state-consumer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
