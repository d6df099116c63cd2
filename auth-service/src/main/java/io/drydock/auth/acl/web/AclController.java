package io.drydock.auth.acl.web;

import io.drydock.auth.acl.AclService;
import io.drydock.auth.acl.AclService.StaleRevisionException;
import io.drydock.auth.acl.persistence.AclRevisionStore.StoredRevision;
import io.drydock.auth.operator.Operators;
import io.drydock.support.acl.InvalidAclsException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API of the ACLs. {@code GET /acls}: the Mesos ACL document in force, its revision in the
 * {@code ETag} and {@code X-Acls-Revision} headers. {@code PUT /acls}: replaces it (200 with the new
 * revision); an {@code If-Match: "<revision>"} header makes the change conditional (412 when stale).
 * Invalid documents get 400 with the reason and change nothing.
 */
@RestController
class AclController {

  /** Largest accepted ACL document. */
  static final int MAX_BODY = 512 * 1024;

  private final AclService acls;
  private final Operators operators;

  AclController(AclService acls, Operators operators) {
    this.acls = acls;
    this.operators = operators;
  }

  @GetMapping(path = "/acls", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> get(Principal caller) {
    operators.require(caller);
    return withRevision(ResponseEntity.ok(), acls.current());
  }

  @PutMapping(path = "/acls", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> put(@RequestBody(required = false) String body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Principal caller) {
    operators.require(caller);
    if (body != null && body.length() > MAX_BODY) {
      throw new IllegalArgumentException("Request body too large: at most " + MAX_BODY + " bytes");
    }
    StoredRevision revision = acls.replace(body, caller == null ? null : caller.getName(), expected(ifMatch));
    return withRevision(ResponseEntity.ok(), revision);
  }

  @ExceptionHandler(InvalidAclsException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidAclsException e) {
    return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
  }

  @ExceptionHandler(StaleRevisionException.class)
  ResponseEntity<ProblemDetail> stale(StaleRevisionException e) {
    return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage()));
  }

  private static Long expected(String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    try {
      return Long.parseLong(ifMatch.replace("\"", "").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("If-Match must be a revision, e.g. \"3\"");
    }
  }

  private static ResponseEntity<String> withRevision(ResponseEntity.BodyBuilder response, StoredRevision revision) {
    return response.eTag("\"" + revision.revision() + "\"")
        .header("X-Acls-Revision", Long.toString(revision.revision()))
        .contentType(MediaType.APPLICATION_JSON)
        .body(revision.document());
  }
}
