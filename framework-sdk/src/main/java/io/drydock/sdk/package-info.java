/**
 * The Java client a framework embeds. Implement {@link io.drydock.sdk.Scheduler}, build
 * {@link io.drydock.sdk.SchedulerOptions}, and run a {@link io.drydock.sdk.DrydockSchedulerDriver}:
 * it subscribes over REST (re-subscribing with the stored framework id after a restart), consumes the
 * framework's Kafka topic with a consumer group named after the framework id, hands each event once to
 * the scheduler, and sends its calls (ACCEPT, DECLINE, inverse-offer answers, KILL …) with Mesos v1
 * JSON.
 */
package io.drydock.sdk;
