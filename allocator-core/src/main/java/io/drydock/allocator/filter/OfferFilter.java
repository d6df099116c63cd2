package io.drydock.allocator.filter;

import io.drydock.allocator.resources.Resources;
import java.time.Instant;

/**
 * A decline filter (framework, role, agent): blocks offers whose resources are a subset of
 * {@code refused} until {@code expires} (spec §9.5). A larger offer passes.
 */
public record OfferFilter(Object framework, String role, Resources refused, Instant expires) {

    public boolean blocks(Object fw, String r, Resources offer, Instant now) {
        return framework == fw && role.equals(r) && now.isBefore(expires) && refused.contains(offer);
    }
}
