package io.drydock.sdk;

import io.drydock.events.TaskStatusUpdate;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a {@link Scheduler} against Drydock: {@link #start()} subscribes (with the stored framework id
 * if there is one) and starts consuming the framework's topic on a thread of its own; {@link #stop()}
 * stops consuming (the master keeps the framework for its failover timeout); {@link #teardown()} ends
 * it. Status updates are acknowledged after {@link Scheduler#statusUpdate} returns, by a thread of the
 * driver's own so that the event thread goes on with the next event: the acknowledgements that queued
 * up while a call was in flight go together in the next one (Drydock's ACKNOWLEDGE_BATCH; a lone one as
 * Mesos's ACKNOWLEDGE). The queue is bounded: when it is full the event thread waits.
 * {@link #stop()} waits for the queued acknowledgements.
 */
public final class DrydockSchedulerDriver implements SchedulerDriver, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DrydockSchedulerDriver.class);

  private final SchedulerOptions options;
  private final Scheduler scheduler;
  private final MasterClient master;
  private final FrameworkIdStore ids;
  private volatile String frameworkId;
  private EventLoop loop;
  private Thread thread;
  private volatile Acknowledgements acks;

  /**
   * A driver that retries each call up to 8 times, backing off from 250 ms (doubling, at most 30 s).
   *
   * @param options how to reach the master and Kafka, and who the framework is
   * @param scheduler the framework's callbacks
   */
  public DrydockSchedulerDriver(SchedulerOptions options, Scheduler scheduler) {
    this(options, scheduler, 8, Duration.ofMillis(250));
  }

  DrydockSchedulerDriver(SchedulerOptions options, Scheduler scheduler, int maxAttempts, Duration backoff) {
    this.options = options;
    this.scheduler = scheduler;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    JsonMapper json = JsonMapper.builder().build();
    this.master = new MasterClient(options.masterUrl(), http, json,
        new Authorization(options, http, json, Clock.systemUTC()), maxAttempts, backoff);
    this.ids = new FrameworkIdStore(options.frameworkIdFile());
  }

  /**
   * Subscribes and starts consuming events.
   *
   * @return the framework id
   * @throws MasterCallException when the master refuses the subscription (e.g. 403: not authorized for a
   *     role)
   */
  public synchronized String start() {
    if (thread != null) {
      return frameworkId;
    }
    JsonNode subscribed = master.subscribe(options, ids.load()).path("subscribed");
    frameworkId = subscribed.path("framework_id").path("value").asString();
    String topic = subscribed.path("topic").asString("drydock.framework." + frameworkId);
    ids.save(frameworkId);
    String id = frameworkId;
    acks = new Acknowledgements(id, batch -> master.acknowledge(id, batch));
    loop = new EventLoop(options.kafkaBootstrapServers(), frameworkId, topic,
        new EventLoop.Dispatcher(scheduler, this, this::acknowledge, message -> stopAsync()));
    thread = new Thread(loop, "drydock-scheduler-" + frameworkId);
    thread.start();
    scheduler.subscribed(this, frameworkId);
    log.info("Subscribed as framework {} reading {}", frameworkId, topic);
    return frameworkId;
  }

  /** Stops consuming events and waits for the event thread to end. */
  public synchronized void stop() {
    if (loop != null) {
      loop.stop();
      if (Thread.currentThread() != thread) {
        try {
          thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      loop = null;
      thread = null;
    }
    if (acks != null) {
      acks.close();
      acks = null;
    }
  }

  private void stopAsync() {
    EventLoop current = loop;
    if (current != null) {
      current.stop();
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String frameworkId() {
    return frameworkId;
  }

  @Override
  public void launch(Collection<String> offerIds, List<TaskSpec> tasks, double refuseSeconds) {
    master.launch(frameworkId, offerIds, tasks, refuseSeconds);
  }

  @Override
  public void decline(Collection<String> offerIds, double refuseSeconds) {
    master.decline(frameworkId, offerIds, refuseSeconds);
  }

  @Override
  public void acceptInverseOffers(Collection<String> inverseOfferIds, double refuseSeconds) {
    master.answerInverseOffers(frameworkId, true, inverseOfferIds, refuseSeconds);
  }

  @Override
  public void declineInverseOffers(Collection<String> inverseOfferIds, double refuseSeconds) {
    master.answerInverseOffers(frameworkId, false, inverseOfferIds, refuseSeconds);
  }

  @Override
  public void kill(String taskId, String agentId) {
    master.kill(frameworkId, taskId, agentId);
  }

  @Override
  public void revive(Collection<String> roles) {
    master.roles(frameworkId, "REVIVE", roles);
  }

  @Override
  public void suppress(Collection<String> roles) {
    master.roles(frameworkId, "SUPPRESS", roles);
  }

  @Override
  public void acknowledge(String agentId, String taskId, String statusUuid) {
    master.acknowledge(frameworkId, agentId, taskId, statusUuid);
  }

  private void acknowledge(TaskStatusUpdate update) {
    if (update.statusUuid() == null || update.agentId() == null) {
      return;
    }
    Acknowledgements.Ack ack = new Acknowledgements.Ack(update.agentId(), update.taskId(), update.statusUuid());
    Acknowledgements queue = acks;
    if (queue == null) {
      try {
        acknowledge(ack.agentId(), ack.taskId(), ack.uuid());
      } catch (RuntimeException e) {
        log.warn("Could not acknowledge update {} of task {}: {}", ack.uuid(), ack.taskId(), e.getMessage());
      }
    } else {
      queue.add(ack);
    }
  }

  @Override
  public void reconcile(Collection<TaskSpec.TaskRef> tasks) {
    master.reconcile(frameworkId, tasks);
  }

  @Override
  public void teardown() {
    master.teardown(frameworkId);
    stop();
  }
}
