package io.drydock.allocator.quota;

import io.drydock.allocator.resources.ResourceQuantities;

/**
 * A role's quota (spec §4.1): scalar guarantees and limits. Names absent from {@code limits} are
 * unlimited; the default quota (both empty) means "no quota". Quota applies to top-level roles and
 * counts their whole subtree.
 */
public record Quota(ResourceQuantities guarantees, ResourceQuantities limits) {

    public static final Quota NONE = new Quota(ResourceQuantities.NONE, ResourceQuantities.NONE);

    public Quota {
        for (var e : guarantees.millis().entrySet()) {
            Long limit = limits.millis().get(e.getKey());
            if (limit != null && limit < e.getValue()) {
                throw new IllegalArgumentException("Quota guarantee of '" + e.getKey() + "' exceeds its limit");
            }
        }
    }

    /** Parses {@code guarantees} and {@code limits} in {@code name:value;...} form. */
    public static Quota of(String guarantees, String limits) {
        return new Quota(ResourceQuantities.parse(guarantees), ResourceQuantities.parse(limits));
    }

    /** A legacy quota: the guarantee also acts as the limit. */
    public static Quota legacy(String guarantee) {
        ResourceQuantities q = ResourceQuantities.parse(guarantee);
        return new Quota(q, q);
    }

    public boolean isNone() {
        return guarantees.isEmpty() && limits.isEmpty();
    }
}
