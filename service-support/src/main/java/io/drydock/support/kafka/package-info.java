/**
 * Kafka defaults for control-plane producers, a Kafka health indicator for readiness, the event codec,
 * dead-letter topics ({@code <topic>.dlt}) for records consumers cannot apply, and consumer metrics.
 */
package io.drydock.support.kafka;
