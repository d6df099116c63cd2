/**
 * The master's v1 operator API, {@code POST /api/v1} (spec §0.2): the role, weight, quota, reservation and
 * volume calls answered here; the maintenance calls forwarded verbatim to maintenance-service.
 */
package io.drydock.master.operator;
