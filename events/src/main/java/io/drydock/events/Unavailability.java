package io.drydock.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A maintenance window's unavailability, in nanoseconds since the Unix epoch as in Mesos.
 *
 * @param startNanos when the machine becomes unavailable
 * @param durationNanos how long it stays unavailable; {@code null} means indefinitely
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Unavailability(long startNanos, Long durationNanos) {}
