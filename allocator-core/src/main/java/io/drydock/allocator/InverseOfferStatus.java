package io.drydock.allocator;

import java.time.Instant;

/** A framework's latest answer to an inverse offer for an agent (Mesos {@code InverseOfferStatus}). */
public record InverseOfferStatus(FrameworkId frameworkId, AgentId agentId, Answer answer, Instant timestamp) {

    /** The answer. */
    public enum Answer { ACCEPT, DECLINE }
}
