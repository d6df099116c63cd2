package io.drydock.maintenance.domain;

/**
 * A framework's latest answer to an inverse offer for an agent on a draining machine.
 *
 * @param status {@code ACCEPT}, {@code DECLINE} or {@code UNKNOWN}
 * @param timestampNanos when the framework answered, in nanoseconds since the epoch
 */
public record InverseOfferStatus(String status, String frameworkId, String agentId, long timestampNanos) {}
