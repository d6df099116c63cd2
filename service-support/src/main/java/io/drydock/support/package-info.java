/**
 * What every Drydock service shares: the transactional outbox and idempotent consumption
 * ({@link io.drydock.support.outbox}), Kafka defaults and health ({@link io.drydock.support.kafka}),
 * and the service launcher ({@link io.drydock.support.DrydockServices}).
 */
package io.drydock.support;
