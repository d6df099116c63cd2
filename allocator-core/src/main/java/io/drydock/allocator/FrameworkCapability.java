package io.drydock.allocator;

/** Framework capabilities the allocator looks at (others may be passed and are ignored). */
public enum FrameworkCapability {
    MULTI_ROLE, HIERARCHICAL_ROLE, GPU_RESOURCES, RESERVATION_REFINEMENT, SHARED_RESOURCES,
    REVOCABLE_RESOURCES, PARTITION_AWARE, REGION_AWARE
}
