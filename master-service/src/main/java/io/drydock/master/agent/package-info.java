/**
 * Agents: the master's side of the agent protocol ({@code io.drydock.agentprotocol}) — registration and
 * re-registration with running tasks, heartbeats, status updates — the registry of agents (persisted in
 * {@code master.agent}), the HTTP client that sends launch, kill and shutdown, and unreachability after
 * missed heartbeats.
 */
package io.drydock.master.agent;
