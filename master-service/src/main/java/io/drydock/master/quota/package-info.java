/**
 * Quota (spec §4): guarantees and limits per top-level role, the legacy {@code /quota} endpoint and the
 * logic of UPDATE_QUOTA / GET_QUOTA, persisted in {@code master.role_quota}, restored on start.
 */
package io.drydock.master.quota;
