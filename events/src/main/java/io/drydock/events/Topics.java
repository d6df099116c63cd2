package io.drydock.events;

/** Kafka topic names. */
public final class Topics {

  /** Prefix of the per-framework topics: one topic, one partition per framework. */
  public static final String FRAMEWORK_PREFIX = "drydock.framework.";

  /** Compacted, keyed by machine id: {@link MachineStateChanged}. */
  public static final String MACHINE_STATE = "drydock.machine-state";

  /** Keyed by machine id: {@link InverseOfferResponded}. */
  public static final String INVERSE_OFFER_RESPONSES = "drydock.inverse-offer-responses";

  /** Compacted, keyed by machine id: {@link AgentRegistered}. */
  public static final String AGENTS = "drydock.agents";

  /** Compacted, one key: {@link AclsChanged}. */
  public static final String ACLS = "drydock.acls";

  private Topics() {}

  /** The topic of one framework's events. */
  public static String framework(String frameworkId) {
    if (frameworkId == null || frameworkId.isEmpty() || !frameworkId.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("Invalid framework id for a topic name: " + frameworkId);
    }
    return FRAMEWORK_PREFIX + frameworkId;
  }
}
