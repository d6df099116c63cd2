package io.drydock.sdk;

import io.drydock.events.InverseOfferEvent;
import io.drydock.events.InverseOfferRescinded;
import io.drydock.events.OfferEvent;
import io.drydock.events.OfferRescinded;
import io.drydock.events.TaskStatusUpdate;

/**
 * A framework's callbacks, in the spirit of Mesos's {@code Scheduler}. They are called from one thread,
 * in the order the master published the events; each event is delivered once even when Kafka
 * redelivers it within the process (after a crash, the events handled in the last moments before it come
 * again: offsets are committed at most every 200 ms). Calls on the driver may be made from a callback.
 */
public interface Scheduler {

  /** The framework is subscribed (first time, or again after a restart or reconnect). */
  default void subscribed(SchedulerDriver driver, String frameworkId) {}

  /** Resources offered on one agent for one role. */
  default void offer(SchedulerDriver driver, OfferEvent offer) {}

  /** A previously received offer is no longer valid. */
  default void offerRescinded(SchedulerDriver driver, OfferRescinded rescind) {}

  /** The master asks the framework to leave an agent whose machine is scheduled for maintenance. */
  default void inverseOffer(SchedulerDriver driver, InverseOfferEvent inverseOffer) {}

  /** A previously received inverse offer is no longer valid. */
  default void inverseOfferRescinded(SchedulerDriver driver, InverseOfferRescinded rescind) {}

  /** A task changed state. The driver acknowledges it after this returns (unless disabled). */
  default void statusUpdate(SchedulerDriver driver, TaskStatusUpdate update) {}

  /** The master refused or ended the subscription; the driver stops. */
  default void error(SchedulerDriver driver, String message) {}
}
