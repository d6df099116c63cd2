package io.drydock.sdk;

import java.util.Collection;
import java.util.List;

/**
 * The calls a framework makes on the master ({@code POST /api/v1/scheduler}). Each call is retried
 * with backoff on transport failures and 5xx answers; a 4xx answer throws
 * {@link MasterCallException} with the master's message.
 */
public interface SchedulerDriver {

  /** The framework id, once subscribed. */
  String frameworkId();

  /** Launches tasks on the offers' resources; unused resources are declined with the filter. */
  void launch(Collection<String> offerIds, List<TaskSpec> tasks, double refuseSeconds);

  /** Declines offers; the master does not re-offer those resources for {@code refuseSeconds}. */
  void decline(Collection<String> offerIds, double refuseSeconds);

  /** Accepts inverse offers: the framework will leave the agents in time. */
  void acceptInverseOffers(Collection<String> inverseOfferIds, double refuseSeconds);

  /** Declines inverse offers: the framework cannot leave the agents in time. */
  void declineInverseOffers(Collection<String> inverseOfferIds, double refuseSeconds);

  /** Kills a task; its end arrives as a TaskStatusUpdate ({@code TASK_KILLED}). {@code agentId} may be null. */
  void kill(String taskId, String agentId);

  /** Removes offer filters and resumes offers for the roles (all subscribed roles when empty). */
  void revive(Collection<String> roles);

  /** Stops offers for the roles (all subscribed roles when empty). */
  void suppress(Collection<String> roles);

  /** Acknowledges a status update (the driver does this itself after {@link Scheduler#statusUpdate}). */
  void acknowledge(String agentId, String taskId, String statusUuid);

  /** Asks for the latest state of the tasks (all tasks when empty). */
  void reconcile(Collection<TaskSpec.TaskRef> tasks);

  /** Ends the framework: its tasks are killed and it is removed. */
  void teardown();
}
