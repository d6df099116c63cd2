package io.drydock.support.security;

import io.drydock.support.acl.Authorizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A protected call made before this service has ACLs is refused with 503 and {@code Retry-After}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityErrorAdvice {

  @ExceptionHandler(Authorizer.AclsUnavailableException.class)
  ResponseEntity<String> aclsUnavailable(Authorizer.AclsUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }
}
