package io.drydock.master.framework;

import io.drydock.allocator.FrameworkCapability;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.FrameworkSpec;
import io.drydock.events.Envelope;
import io.drydock.events.FrameworkError;
import io.drydock.events.Topics;
import io.drydock.master.allocation.AllocationActor;
import io.drydock.master.framework.persistence.FrameworkStore;
import io.drydock.master.leader.LeaderElected;
import io.drydock.master.leader.Leadership;
import io.drydock.support.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The frameworks the master knows: subscribed and not removed. Subscribing persists the framework,
 * creates its topic and adds it to the allocator inactive; {@link FrameworkConnectivity} activates it
 * once its consumer group has a live member.
 */
@Component
public class FrameworkRegistry {

  private final Map<String, Entry> frameworks = new ConcurrentHashMap<>();
  private final FrameworkStore store;
  private final AllocationActor allocation;
  private final KafkaAdmin admin;
  private final FrameworkProperties properties;
  private final Clock clock;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Leadership leadership;

  FrameworkRegistry(FrameworkStore store, AllocationActor allocation, KafkaAdmin admin,
      FrameworkProperties properties, Clock clock, Outbox outbox, TransactionTemplate transactions,
      Leadership leadership) {
    this.store = store;
    this.allocation = allocation;
    this.admin = admin;
    this.properties = properties;
    this.clock = clock;
    this.outbox = outbox;
    this.transactions = transactions;
    this.leadership = leadership;
  }

  /** A framework and its connectivity. */
  static final class Entry {
    volatile FrameworkInfo info;
    volatile boolean connected;
    volatile Instant disconnectedSince;
    volatile boolean everConnected;

    Entry(FrameworkInfo info, Instant since) {
      this.info = info;
      this.disconnectedSince = since;
    }

    boolean expired(Instant now, Duration grace) {
      if (connected || disconnectedSince == null) {
        return false;
      }
      Duration failover = Duration.ofMillis((long) (info.failoverTimeoutSeconds() * 1000));
      Duration allowed = everConnected || failover.compareTo(grace) > 0 ? failover : grace;
      return !disconnectedSince.plus(allowed).isAfter(now);
    }
  }

  /** Recovers the registry's frameworks (inactive until their consumers are seen again) on election. */
  @EventListener(LeaderElected.class)
  void recover() {
    Instant now = clock.instant();
    for (FrameworkInfo info : store.loadActive()) {
      frameworks.computeIfAbsent(info.id(), id -> {
        allocation.addFramework(spec(info), false).join();
        return new Entry(info, now);
      });
    }
  }

  /**
   * Subscribes (no id) or re-subscribes (with the id of a framework that failed over); a re-subscription's
   * roles, capabilities and maintenance lookahead replace the old ones in the allocator.
   *
   * @return the framework as registered, with its id
   * @throws FrameworkRemovedException when the id names a removed framework
   */
  public FrameworkInfo subscribe(FrameworkInfo info) {
    Instant now = clock.instant();
    FrameworkInfo registered;
    if (info.id() == null) {
      registered = info.withId(UUID.randomUUID() + "-0000", now);
    } else {
      if (store.isRemoved(info.id())) {
        throw new FrameworkRemovedException("Framework has been removed");
      }
      Entry existing = frameworks.get(info.id());
      registered = info.withId(info.id(), existing == null ? now : existing.info.registeredAt());
    }
    String topic = Topics.framework(registered.id());
    NewTopic newTopic = properties.topicReplicas() > 0
        ? TopicBuilder.name(topic).partitions(1).replicas(properties.topicReplicas()).build()
        : TopicBuilder.name(topic).partitions(1).build();
    admin.createOrModifyTopics(newTopic);
    store.save(registered);
    Entry entry = frameworks.compute(registered.id(), (id, old) -> {
      if (old == null) {
        return new Entry(registered, now);
      }
      old.info = registered;
      return old;
    });
    allocation.addFramework(spec(registered), entry.connected).join();
    return registered;
  }

  public Optional<FrameworkInfo> get(String id) {
    Entry e = id == null ? null : frameworks.get(id);
    return e == null ? Optional.empty() : Optional.of(e.info);
  }

  public boolean isConnected(String id) {
    Entry e = frameworks.get(id);
    return e != null && e.connected;
  }

  public Collection<FrameworkInfo> all() {
    return frameworks.values().stream().map(e -> e.info).toList();
  }

  /**
   * Removes a framework (teardown or failover timeout): persisted together with a FrameworkError ("Framework
   * has been removed: <why>", Mesos's ERROR event) on its topic, then dropped from the allocator.
   */
  public void remove(String id, String why) {
    if (frameworks.remove(id) != null) {
      transactions.executeWithoutResult(s -> {
        store.markRemoved(id, clock.instant());
        outbox.append(Topics.framework(id), Envelope.of(new FrameworkError(id, "Framework has been removed: " + why),
            clock.instant(), leadership.epoch()));
      });
      allocation.removeFramework(FrameworkId.of(id)).join();
    }
  }

  /** Frameworks disconnected for longer than their failover timeout. */
  public List<FrameworkInfo> expired() {
    Instant now = clock.instant();
    return frameworks.values().stream()
        .filter(e -> e.expired(now, properties.connectGracePeriod()))
        .map(e -> e.info)
        .toList();
  }

  /** Called by {@link FrameworkConnectivity} with the frameworks whose groups have live members. */
  void connectivity(Set<String> connected) {
    Instant now = clock.instant();
    frameworks.forEach((id, e) -> {
      boolean on = connected.contains(id);
      if (on != e.connected) {
        e.connected = on;
        e.everConnected |= on;
        e.disconnectedSince = on ? null : now;
        allocation.setActive(FrameworkId.of(id), on);
      }
    });
  }

  Collection<String> ids() {
    return List.copyOf(frameworks.keySet());
  }

  /** The allocator's view of a framework. */
  static FrameworkSpec spec(FrameworkInfo info) {
    Set<FrameworkCapability> caps = EnumSet.noneOf(FrameworkCapability.class);
    for (String c : info.capabilities()) {
      for (FrameworkCapability known : FrameworkCapability.values()) {
        if (known.name().equals(c)) {
          caps.add(known);
        }
      }
    }
    return new FrameworkSpec(FrameworkId.of(info.id()), info.roles(), caps,
        Optional.ofNullable(info.maintenanceLookahead()));
  }

  /** The framework was removed (torn down or failed over for good) and cannot subscribe again. */
  public static class FrameworkRemovedException extends RuntimeException {
    public FrameworkRemovedException(String message) {
      super(message);
    }
  }
}
