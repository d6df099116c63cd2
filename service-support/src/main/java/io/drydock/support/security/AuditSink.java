package io.drydock.support.security;

/** Where audit records go. Must not throw: auditing never fails a request. */
@FunctionalInterface
public interface AuditSink {

  void record(AuditRecord record);
}
