/**
 * The transactional outbox: a state change and the events it causes commit in one database
 * transaction ({@link io.drydock.support.outbox.Outbox}); a relay publishes them to Kafka afterwards
 * ({@link io.drydock.support.outbox.OutboxRelay}), at least once; consumers drop redeliveries by event
 * id ({@link io.drydock.support.outbox.ProcessedEvents}).
 *
 * <p>A service using it migrates these tables in its own schema:
 *
 * <pre>
 * CREATE TABLE outbox (seq BIGSERIAL PRIMARY KEY, event_id UUID NOT NULL UNIQUE,
 *   topic VARCHAR(249) NOT NULL, record_key VARCHAR(1024) NOT NULL, event_type VARCHAR(100) NOT NULL,
 *   payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
 * CREATE TABLE processed_event (consumer VARCHAR(100) NOT NULL, event_id UUID NOT NULL,
 *   processed_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (consumer, event_id));
 * </pre>
 */
package io.drydock.support.outbox;
