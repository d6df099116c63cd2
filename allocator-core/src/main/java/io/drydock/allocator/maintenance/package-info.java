/**
 * Maintenance: unavailability, inverse offers (spec §1.8) and maintenance-aware placement (agents
 * draining soonest are offered last; per-framework lookahead exclusion).
 */
package io.drydock.allocator.maintenance;
