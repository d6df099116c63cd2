package io.drydock.allocator;

/**
 * An offer or inverse offer withdrawn by the allocator; the master sends RESCIND /
 * RESCIND_INVERSE_OFFER. The resources of a rescinded offer are already recovered (no filter).
 */
public record Rescind(OfferId offerId, FrameworkId frameworkId, AgentId agentId, Kind kind) {

    /** What was rescinded. */
    public enum Kind { OFFER, INVERSE_OFFER }
}
