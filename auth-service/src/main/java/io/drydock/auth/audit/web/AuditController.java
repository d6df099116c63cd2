package io.drydock.auth.audit.web;

import io.drydock.auth.audit.persistence.AuditStore;
import io.drydock.auth.operator.Operators;
import io.drydock.support.security.AuditRecord;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator API of the audit: {@code GET /audit?principal=&limit=} (newest first, limit 1–1000, default 100). */
@RestController
class AuditController {

  private final AuditStore store;
  private final Operators operators;

  AuditController(AuditStore store, Operators operators) {
    this.store = store;
    this.operators = operators;
  }

  @GetMapping("/audit")
  List<AuditRecord> audit(@RequestParam(required = false) String principal,
      @RequestParam(defaultValue = "100") int limit, Principal caller) {
    operators.require(caller);
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000");
    }
    return store.newest(principal, limit);
  }
}
