package io.drydock.support.security;

/**
 * Mesos's HTTP authentication realms (spec §0.2, §7). A request is in exactly one realm, declared by
 * the service's {@link HttpRealms}; the realm's flag decides whether it needs credentials and names the
 * realm in the {@code WWW-Authenticate} challenge.
 */
public enum Realm {
  /** Never authenticated: probes and health. */
  OPEN(null),
  READONLY("mesos-master-readonly"),
  READWRITE("mesos-master-readwrite"),
  /** HTTP frameworks (the v1 scheduler API). */
  SCHEDULER("mesos-master-scheduler"),
  /** Agents registering with the master (Drydock's realm; Mesos authenticates agents with SASL). */
  AGENT("mesos-master-agent");

  private final String realmName;

  Realm(String realmName) {
    this.realmName = realmName;
  }

  /** The name in {@code WWW-Authenticate: Basic realm="..."}; {@code null} for {@link #OPEN}. */
  public String realmName() {
    return realmName;
  }
}
