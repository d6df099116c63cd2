package io.drydock.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the status-update acknowledgements of one framework in batches, on a thread of its own: whatever
 * has queued up since the previous call goes in the next one (at most {@value #MAX_BATCH} per call), so
 * a quiet framework acknowledges each update at once and a busy one sends a few calls a second instead
 * of one per update. The queue is bounded ({@value #CAPACITY}); when it is full the event thread waits,
 * which slows consumption to the rate the master takes acknowledgements instead of queueing without end.
 * A batch the master refuses after the client's retries is logged and dropped: the updates are durable
 * in the framework's topic either way.
 */
final class Acknowledgements implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

  static final int MAX_BATCH = 1_000;
  static final int CAPACITY = 50_000;

  /** One acknowledgement: the update's agent, task and status uuid. */
  record Ack(String agentId, String taskId, String uuid) {}

  private final BlockingQueue<Ack> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Consumer<List<Ack>> sender;
  private final Thread thread;
  private volatile boolean closing;

  Acknowledgements(String frameworkId, Consumer<List<Ack>> sender) {
    this.sender = sender;
    this.thread = new Thread(this::run, "drydock-ack-" + frameworkId);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues an acknowledgement, waiting while the queue is full. */
  void add(Ack ack) {
    try {
      while (!queue.offer(ack, 100, TimeUnit.MILLISECONDS)) {
        if (closing || !thread.isAlive()) {
          sendQuietly(List.of(ack));
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  int queued() {
    return queue.size();
  }

  private void run() {
    List<Ack> batch = new ArrayList<>(MAX_BATCH);
    try {
      while (!closing || !queue.isEmpty()) {
        Ack first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        sendQuietly(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sendQuietly(List<Ack> batch) {
    try {
      sender.accept(batch);
    } catch (RuntimeException e) {
      log.warn("Could not acknowledge {} update(s) (first: {} of task {}): {}", batch.size(), batch.get(0).uuid(),
          batch.get(0).taskId(), e.getMessage());
    }
  }

  /** Sends what is queued, waiting at most {@code timeout}; then stops. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  void close(Duration timeout) {
    closing = true;
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      log.warn("Gave up waiting for {} acknowledgements", queue.size());
      thread.interrupt();
    }
  }
}
