package io.drydock.support.security;

import java.time.Instant;
import java.util.UUID;

/**
 * One authenticated (or refused) write: who, what, when, and the outcome. Published as JSON on
 * {@code drydock.audit}; auth-service keeps them in {@code auth.audit_record}.
 *
 * @param id unique, the idempotency key of the record
 * @param at when the response was sent
 * @param service the service that handled the request
 * @param principal the authenticated principal, {@code null} without one
 * @param method the HTTP method
 * @param path the request path
 * @param status the response status
 * @param decision {@code ALLOWED}, {@code DENIED} (403) or {@code UNAUTHENTICATED} (401)
 */
public record AuditRecord(UUID id, Instant at, String service, String principal, String method, String path,
    int status, String decision) {

  /** The decision a status stands for. */
  public static String decisionOf(int status) {
    return switch (status) {
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "DENIED";
      default -> "ALLOWED";
    };
  }
}
