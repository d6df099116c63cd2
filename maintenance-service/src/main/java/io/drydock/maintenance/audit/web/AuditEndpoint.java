package io.drydock.maintenance.audit.web;

import io.drydock.maintenance.audit.AuditEntry;
import io.drydock.maintenance.audit.AuditTrail;
import io.drydock.maintenance.domain.MachineChange;
import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.Authorizer;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail, newest first, paged with {@code limit} (1-1000, default 100) and {@code before} (an
 * entry id). Visible to principals allowed to get the maintenance schedule; others get an empty list, as
 * Mesos's maintenance GETs filter rather than refuse.
 */
@RestController
class AuditEndpoint {

  private final AuditTrail audit;
  private final Authorizer authorizer;

  AuditEndpoint(AuditTrail audit, Authorizer authorizer) {
    this.audit = audit;
    this.authorizer = authorizer;
  }

  @GetMapping({"/maintenance/audit", "/master/maintenance/audit"})
  ResponseEntity<AuditPage> audit(@RequestParam(defaultValue = "100") String limit,
      @RequestParam(required = false) String before, Principal principal) {
    int size;
    Long beforeId;
    try {
      size = Integer.parseInt(limit);
      beforeId = before == null ? null : Long.valueOf(before);
    } catch (NumberFormatException e) {
      return ResponseEntity.badRequest().build();
    }
    if (size < 1 || size > 1000) {
      return ResponseEntity.badRequest().build();
    }
    String who = principal == null ? null : principal.getName();
    if (!authorizer.isAllowed(who, AclAction.GET_MAINTENANCE_SCHEDULES, null)) {
      return ResponseEntity.ok(new AuditPage(List.of()));
    }
    return ResponseEntity.ok(new AuditPage(audit.recent(size, beforeId).stream().map(AuditEntryDto::of).toList()));
  }

  /** A page of entries, newest first. */
  record AuditPage(List<AuditEntryDto> entries) {}

  /** One entry as operators see it. */
  record AuditEntryDto(long id, Instant occurredAt, String action, String principal, String reason,
      long scheduleRevision, List<ChangeDto> changes) {
    static AuditEntryDto of(AuditEntry e) {
      return new AuditEntryDto(e.id(), e.occurredAt(), e.action(), e.principal(), e.reason(), e.scheduleRevision(),
          e.changes().stream().map(ChangeDto::of).toList());
    }
  }

  /** One machine's transition. */
  record ChangeDto(String hostname, String ip, String previousMode, String mode, Long unavailabilityStartNanos,
      Long unavailabilityDurationNanos) {
    static ChangeDto of(MachineChange c) {
      return new ChangeDto(c.machine().hostname(), c.machine().ip(), c.previousMode().name(), c.mode().name(),
          c.unavailability() == null ? null : c.unavailability().startNanos(),
          c.unavailability() == null ? null : c.unavailability().durationNanos());
    }
  }
}
