package io.drydock.master.operation;

import java.time.Instant;

/**
 * One audited operator change: who (principal, null without authentication), when, what (action, its
 * object such as a role or agent id, and a JSON detail of the change).
 */
public record OperatorChange(long id, Instant at, String principal, String action, String object, String detail) {}
