package io.drydock.agent.task;

import io.drydock.agentprotocol.StatusUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Status updates not yet acknowledged by the master, oldest first. A real agent keeps each one as a file
 * under {@code <work-dir>/meta/updates} until it is acknowledged, so an agent restart loses none; a
 * simulated agent keeps them in memory. Thread-safe.
 */
public final class StatusUpdateQueue {

  private final Path dir;
  private final JsonMapper json;
  private final Map<String, Entry> pending = new LinkedHashMap<>();
  private volatile Runnable listener = () -> {};
  private final ThreadLocal<Boolean> batching = ThreadLocal.withInitial(() -> Boolean.FALSE);
  private long sequence;

  private record Entry(StatusUpdate update, Path file) {}

  private StatusUpdateQueue(Path dir, JsonMapper json) {
    this.dir = dir;
    this.json = json;
  }

  /** A queue in memory only. */
  public static StatusUpdateQueue inMemory() {
    return new StatusUpdateQueue(null, null);
  }

  /** A queue persisted in {@code dir}, loaded with the updates an earlier run left there. */
  public static StatusUpdateQueue persistent(Path dir, JsonMapper json) {
    StatusUpdateQueue queue = new StatusUpdateQueue(dir, json);
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          StatusUpdate update = json.readValue(file.toFile(), StatusUpdate.class);
          queue.pending.put(update.statusUuid(), new Entry(update, file));
          String name = file.getFileName().toString();
          queue.sequence = Math.max(queue.sequence, Long.parseLong(name.substring(0, name.indexOf('-'))) + 1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read status updates from " + dir, e);
    }
    return queue;
  }

  /**
   * Called after every {@link #add} (once after a {@link #batch}), outside the queue's lock (the agent sends
   * at once when registered).
   */
  public void onAdd(Runnable listener) {
    this.listener = listener;
  }

  /** Queues an update (persisting it first when the queue is persistent). */
  public void add(StatusUpdate update) {
    synchronized (this) {
      Path file = null;
      if (dir != null) {
        file = dir.resolve(String.format("%019d-%s.json", sequence++, update.statusUuid()));
        try {
          Path tmp = dir.resolve(file.getFileName() + ".tmp");
          json.writeValue(tmp.toFile(), update);
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot persist status update " + update.statusUuid(), e);
        }
      }
      pending.put(update.statusUuid(), new Entry(update, file));
    }
    if (!batching.get()) {
      listener.run();
    }
  }

  /**
   * Runs {@code adds} (which may {@link #add} several updates) and tells the listener once afterwards, so
   * that updates produced together (a launch of many tasks) go to the master in one batch.
   */
  public void batch(Runnable adds) {
    if (batching.get()) {
      adds.run();
      return;
    }
    batching.set(Boolean.TRUE);
    try {
      adds.run();
    } finally {
      batching.set(Boolean.FALSE);
    }
    listener.run();
  }

  /** The oldest {@code max} unacknowledged updates. */
  public synchronized List<StatusUpdate> pending(int max) {
    return pending.values().stream().limit(max).map(Entry::update).toList();
  }

  public synchronized int size() {
    return pending.size();
  }

  /** Drops the acknowledged updates and returns them (unknown ids are ignored). */
  public List<StatusUpdate> acknowledge(Collection<String> statusUuids) {
    List<StatusUpdate> acknowledged = new ArrayList<>();
    synchronized (this) {
      for (String uuid : statusUuids) {
        Entry entry = pending.remove(uuid);
        if (entry != null) {
          acknowledged.add(entry.update());
          if (entry.file() != null) {
            try {
              Files.deleteIfExists(entry.file());
            } catch (IOException e) {
              throw new UncheckedIOException("Cannot delete acknowledged status update " + uuid, e);
            }
          }
        }
      }
    }
    return acknowledged;
  }
}
