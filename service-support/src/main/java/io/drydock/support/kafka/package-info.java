/** Kafka defaults for control-plane producers and a Kafka health indicator for readiness. */
package io.drydock.support.kafka;
