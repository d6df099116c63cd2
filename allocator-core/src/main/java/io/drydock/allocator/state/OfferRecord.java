package io.drydock.allocator.state;

import io.drydock.allocator.OfferId;
import io.drydock.allocator.resources.Resources;
import java.time.Instant;

/** An outstanding offer as the allocator tracks it (internal). */
public record OfferRecord(OfferId id, FrameworkState framework, RoleState role, AgentState agent,
                          Resources resources, Instant createdAt) {
}
