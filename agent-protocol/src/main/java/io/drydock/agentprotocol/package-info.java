/**
 * The agent protocol: JSON over authenticated HTTP in both directions.
 *
 * <pre>
 * agent → master (master-service, port 5050)
 *   POST /agent/v1/register        RegisterAgent        → 200 Registered | 409 Refused (machine DOWN)
 *   POST /agent/v1/heartbeat       Heartbeat            → 200 | 404 (unknown agent: register again)
 *   POST /agent/v1/heartbeats      Heartbeats           → 200 Heartbeats.Answer (unknown ids register again)
 *   POST /agent/v1/status-updates  StatusUpdates        → 200 Acknowledged
 * master → agent (agent-service, port 5051; a simulated fleet serves all its agents)
 *   POST /agent/v1/{agentId}/launch    LaunchTasks      → 202
 *   POST /agent/v1/{agentId}/kill      KillTask         → 202
 *   POST /agent/v1/{agentId}/shutdown  Shutdown         → 202
 * </pre>
 *
 * Status updates are retried by the agent until acknowledged (by {@code statusUuid}); the master
 * processes each update once. Registration carries the agent's running tasks, so an agent that
 * restarted or a master that failed over reconciles from it.
 */
package io.drydock.agentprotocol;
