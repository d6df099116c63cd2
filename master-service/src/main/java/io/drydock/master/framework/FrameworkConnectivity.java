package io.drydock.master.framework;

import io.drydock.master.leader.LeaderOnly;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.KafkaFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Decides which frameworks are connected: a framework is connected while the consumer group whose id
 * is the framework id has at least one live member. Checked every
 * {@link FrameworkProperties#connectivityCheckInterval()}.
 */
@Component
class FrameworkConnectivity implements LeaderOnly {

  private static final Logger log = LoggerFactory.getLogger(FrameworkConnectivity.class);

  private final FrameworkRegistry registry;
  private final KafkaAdmin kafkaAdmin;
  private final FrameworkProperties properties;
  private ScheduledExecutorService thread;
  private Admin admin;

  FrameworkConnectivity(FrameworkRegistry registry, KafkaAdmin kafkaAdmin, FrameworkProperties properties) {
    this.registry = registry;
    this.kafkaAdmin = kafkaAdmin;
    this.properties = properties;
  }

  void check() {
    Collection<String> ids = registry.ids();
    if (ids.isEmpty()) {
      return;
    }
    Set<String> connected = new HashSet<>();
    try {
      Map<String, KafkaFuture<ConsumerGroupDescription>> groups = admin.describeConsumerGroups(ids).describedGroups();
      for (Map.Entry<String, KafkaFuture<ConsumerGroupDescription>> e : groups.entrySet()) {
        try {
          if (!e.getValue().get(5, TimeUnit.SECONDS).members().isEmpty()) {
            connected.add(e.getKey());
          }
        } catch (ExecutionException notFound) {
          // no such group: not connected
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (TimeoutException | RuntimeException e) {
      log.warn("Could not inspect the frameworks' consumer groups: {}", e.toString());
      return;
    }
    registry.connectivity(connected);
  }

  @Override
  public void start() {
    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "framework-connectivity");
      t.setDaemon(true);
      return t;
    });
    long millis = properties.connectivityCheckInterval().toMillis();
    thread.scheduleWithFixedDelay(() -> {
      try {
        check();
      } catch (RuntimeException e) {
        log.warn("Connectivity check failed", e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (thread != null) {
      thread.shutdownNow();
      admin.close(java.time.Duration.ofSeconds(2));
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
