/**
 * The allocator API: {@link io.drydock.allocator.Allocator} (built by
 * {@link io.drydock.allocator.AllocatorBuilder}), the {@link io.drydock.allocator.Plan} it returns and
 * the id and value records. Pure Java: no Spring, Kafka, JDBC or Jackson.
 */
package io.drydock.allocator;
