package io.drydock.events;

/**
 * The whole ACL document changed. Published on the compacted {@link Topics#ACLS} topic under one key,
 * so the latest record is the current ACLs.
 *
 * @param revision increases with every change
 * @param acls the Mesos-format ACL JSON document
 */
public record AclsChanged(long revision, String acls) implements DrydockEvent {

  /** The single key of the ACL topic. */
  public static final String KEY = "acls";

  @Override
  public String partitionKey() {
    return KEY;
  }
}
