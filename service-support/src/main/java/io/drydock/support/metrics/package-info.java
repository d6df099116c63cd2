/** Metrics every service shares (outbox lag) on Spring Boot's Prometheus registry. */
package io.drydock.support.metrics;
