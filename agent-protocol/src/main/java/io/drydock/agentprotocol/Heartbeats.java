package io.drydock.agentprotocol;

import java.util.List;

/**
 * The agents of one agent-service process are alive: one call per heartbeat interval for all of them (a
 * simulated fleet of 10,000 agents would otherwise send 10,000 {@link Heartbeat}s per interval).
 *
 * @param agentIds the ids of every registered agent of the process (at most {@link #MAX_AGENTS})
 */
public record Heartbeats(List<String> agentIds) {

  /** The most agent ids one call may carry; a process with more agents sends several calls. */
  public static final int MAX_AGENTS = 5_000;

  /**
   * The master's answer.
   *
   * @param unknownAgentIds the ids the master does not know (each must register again, as after a 404 to
   *     its own {@link Heartbeat}); the others are recorded alive
   */
  public record Answer(List<String> unknownAgentIds) {}
}
