package io.drydock.support.acl;

import io.drydock.events.AclsChanged;
import io.drydock.events.Envelope;
import io.drydock.support.kafka.DeadLetters;
import io.drydock.support.kafka.EventCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the compacted ACL topic from the beginning, without a consumer group, and installs every newer
 * snapshot in the {@link LocalAuthorizer}. A service (re)started while auth-service is down therefore
 * still gets the latest ACLs as long as Kafka has them. Unreadable or invalid records are logged,
 * skipped and sent to {@code <topic>.dlt}: the previous snapshot stays in force.
 */
public class AclSnapshotConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AclSnapshotConsumer.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final Map<String, Object> config;
  private final String topic;
  private final LocalAuthorizer authorizer;
  private final EventCodec codec;
  private final DeadLetters deadLetters;
  private volatile KafkaConsumer<String, String> consumer;
  private volatile boolean running;
  private Thread thread;

  /**
   * @param kafkaConfig the service's consumer configuration (bootstrap servers, security); group, offsets
   *     and deserializers are overridden
   */
  public AclSnapshotConsumer(Map<String, Object> kafkaConfig, String topic, LocalAuthorizer authorizer,
      EventCodec codec) {
    this(kafkaConfig, topic, authorizer, codec, new DeadLetters(null, null, null));
  }

  /** As above, sending unreadable records to {@code <topic>.dlt} through {@code deadLetters}. */
  public AclSnapshotConsumer(Map<String, Object> kafkaConfig, String topic, LocalAuthorizer authorizer,
      EventCodec codec, DeadLetters deadLetters) {
    Map<String, Object> copy = new HashMap<>(kafkaConfig);
    copy.remove(ConsumerConfig.GROUP_ID_CONFIG);
    copy.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    copy.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    copy.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    copy.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    copy.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    copy.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    copy.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "acls");
    copy.put(ConsumerConfig.CLIENT_ID_CONFIG, copy.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-acls");
    this.config = copy;
    this.topic = topic;
    this.authorizer = authorizer;
    this.codec = codec;
    this.deadLetters = deadLetters;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "acl-snapshot-consumer");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<String, String> kafka =
          new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
        consumer = kafka;
        if (!running) {
          return;
        }
        List<PartitionInfo> partitions = kafka.partitionsFor(topic);
        if (partitions == null || partitions.isEmpty()) {
          pause();
          continue;
        }
        List<TopicPartition> assigned =
            partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        kafka.assign(assigned);
        kafka.seekToBeginning(assigned);
        while (running) {
          for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
            if (!apply(record.value())) {
              deadLetters.skip("acl-snapshots", record, "not a readable AclsChanged with valid ACLs");
            }
          }
        }
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        if (running) {
          log.warn("Cannot read ACLs from {} ({}); retrying", topic, e.getMessage());
          pause();
        }
      } finally {
        consumer = null;
      }
    }
  }

  /** Installs the snapshot a record carries; {@code false} when the record is unreadable or invalid. */
  boolean apply(String value) {
    if (value == null) {
      return true; // a tombstone
    }
    try {
      Envelope envelope = codec.read(value);
      if (envelope.payload() instanceof AclsChanged changed) {
        authorizer.update(new AclSnapshot(changed.revision(), AclDocument.parse(changed.acls())));
        return true;
      }
      return false;
    } catch (EventCodec.MalformedEventException | InvalidAclsException | NullPointerException e) {
      log.error("Ignoring an unreadable ACL record on {}: {}", topic, e.getMessage());
      return false;
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, String> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread t = thread;
    if (t != null) {
      if (current == null) {
        t.interrupt(); // between attempts, sleeping
      }
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
