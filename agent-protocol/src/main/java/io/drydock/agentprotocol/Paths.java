package io.drydock.agentprotocol;

/** The protocol's HTTP paths. */
public final class Paths {

  public static final String REGISTER = "/agent/v1/register";
  public static final String HEARTBEAT = "/agent/v1/heartbeat";
  public static final String HEARTBEATS = "/agent/v1/heartbeats";
  public static final String STATUS_UPDATES = "/agent/v1/status-updates";
  public static final String LAUNCH = "/agent/v1/{agentId}/launch";
  public static final String KILL = "/agent/v1/{agentId}/kill";
  public static final String SHUTDOWN = "/agent/v1/{agentId}/shutdown";

  private Paths() {}

  /** A master → agent path for one agent. */
  public static String forAgent(String template, String agentId) {
    return template.replace("{agentId}", agentId);
  }
}
