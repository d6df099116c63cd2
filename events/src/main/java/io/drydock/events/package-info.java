/**
 * Drydock's Kafka contracts: every event is a {@link io.drydock.events.DrydockEvent} carried in an
 * {@link io.drydock.events.Envelope}, published on a topic named by {@link io.drydock.events.Topics}.
 * Only {@code jackson-annotations} is needed, so a framework on any Jackson version can consume them.
 * Changes within a schema version are additive only.
 */
package io.drydock.events;
