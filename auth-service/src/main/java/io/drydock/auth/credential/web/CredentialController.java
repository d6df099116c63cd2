package io.drydock.auth.credential.web;

import io.drydock.auth.credential.CredentialService;
import io.drydock.auth.operator.Operators;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API of credentials: {@code GET /credentials} lists principals (never secrets),
 * {@code PUT /credentials/{principal}} with {@code {"secret":"..."}} adds (201) or rotates (200),
 * {@code DELETE /credentials/{principal}} removes (204, 404 when unknown).
 */
@RestController
@RequestMapping("/credentials")
class CredentialController {

  /** Largest accepted body (a secret is at most 72 bytes). */
  static final int MAX_BODY = 4096;

  private final CredentialService credentials;
  private final Operators operators;

  CredentialController(CredentialService credentials, Operators operators) {
    this.credentials = credentials;
    this.operators = operators;
  }

  record PrincipalView(String principal, Instant createdAt, Instant updatedAt) {}

  record SecretRequest(String secret) {}

  @GetMapping
  List<PrincipalView> list(Principal caller) {
    operators.require(caller);
    return credentials.list().stream()
        .map(p -> new PrincipalView(p.principal(), p.createdAt(), p.updatedAt())).toList();
  }

  @PutMapping("/{principal}")
  ResponseEntity<PrincipalView> put(@PathVariable String principal, @RequestBody(required = false) String body,
      Principal caller) {
    operators.require(caller);
    String secret = SecretBody.parse(body, MAX_BODY);
    boolean created = credentials.put(principal, secret);
    PrincipalView view = credentials.list().stream().filter(p -> p.principal().equals(principal)).findFirst()
        .map(p -> new PrincipalView(p.principal(), p.createdAt(), p.updatedAt())).orElseThrow();
    return created ? ResponseEntity.created(URI.create("/credentials/" + principal)).body(view)
        : ResponseEntity.ok(view);
  }

  @DeleteMapping("/{principal}")
  ResponseEntity<String> remove(@PathVariable String principal, Principal caller) {
    operators.require(caller);
    return credentials.remove(principal) ? ResponseEntity.noContent().build()
        : ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body("No credential for that principal");
  }
}
