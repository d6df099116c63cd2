package io.drydock.maintenance.http;

import io.drydock.maintenance.domain.InvalidMaintenanceException;
import io.drydock.maintenance.domain.NotAuthorizedException;
import io.drydock.support.acl.Authorizer.AclsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the maintenance endpoints as Mesos answers them: 400 with the plain-text reason, 403 with an
 * empty body, 413 for an oversized body, 503 while the service has no ACLs to decide with.
 */
@RestControllerAdvice(basePackages = "io.drydock.maintenance")
public class MaintenanceHttpErrors {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceHttpErrors.class);

  @ExceptionHandler(InvalidMaintenanceException.class)
  ResponseEntity<String> invalid(InvalidMaintenanceException e) {
    return MesosHttp.badRequest(e.getMessage());
  }

  @ExceptionHandler(ProtoException.class)
  ResponseEntity<String> malformed(ProtoException e) {
    return MesosHttp.badRequest(e.getMessage());
  }

  @ExceptionHandler(NotAuthorizedException.class)
  ResponseEntity<String> forbidden(NotAuthorizedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
  }

  @ExceptionHandler(MesosHttp.PayloadTooLargeException.class)
  ResponseEntity<String> tooLarge(MesosHttp.PayloadTooLargeException e) {
    return MesosHttp.text(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
  }

  @ExceptionHandler(AclsUnavailableException.class)
  ResponseEntity<String> aclsUnavailable(AclsUnavailableException e) {
    log.warn("Refused a maintenance call: no ACLs yet ({})", e.getMessage());
    return MesosHttp.text(HttpStatus.SERVICE_UNAVAILABLE,
        "Authorization is not available yet (no ACLs received): " + e.getMessage());
  }
}
