/** Stage "fit" and quota: guarantees first with headroom held back, limits never exceeded (spec §9.3). */
package io.drydock.allocator.quota;
