/**
 * Role weights (spec §3): {@code GET}/{@code PUT /weights} and the v1 calls' logic, persisted in
 * {@code master.role_weight}, applied to the allocator and restored on start.
 */
package io.drydock.master.weight;
