package io.drydock.master;

import io.drydock.events.DrydockEvent;
import io.drydock.events.Envelope;
import io.drydock.support.kafka.EventCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A framework's consumer in a test: joins the consumer group named by {@code groupId} (for a framework,
 * its id — which is what makes it "connected") and collects every event of {@code topic}.
 */
public final class FrameworkEvents implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<DrydockEvent> events = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  public FrameworkEvents(String bootstrap, String topic, String groupId) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, groupId,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    EventCodec codec = new EventCodec();
    consumer.subscribe(List.of(topic));
    thread = new Thread(() -> {
      try {
        while (running) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            Envelope e = codec.read(r.value());
            events.add(e.payload());
          }
        }
      } catch (WakeupException e) {
        // closing
      } finally {
        consumer.close(java.time.Duration.ofSeconds(2));
      }
    }, "test-consumer-" + groupId);
    thread.setDaemon(true);
    thread.start();
  }

  public <T extends DrydockEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5000);
  }
}
