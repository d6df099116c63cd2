/**
 * Dynamic reservations and persistent volumes (spec §5–§6): {@code /reserve}, {@code /unreserve},
 * {@code /create-volumes}, {@code /destroy-volumes} and the v1 calls' logic; each agent's dynamic resources
 * are stored in {@code master.agent_reservation} and re-applied when the agent (re-)registers.
 */
package io.drydock.master.reservation;
