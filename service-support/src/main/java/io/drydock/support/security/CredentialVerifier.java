package io.drydock.support.security;

/**
 * Checks a principal/secret pair (HTTP Basic). Implementations: a local credentials file, auth-service
 * over HTTP, auth-service's own database.
 */
public interface CredentialVerifier {

  /** What a verifier concluded. */
  enum Result {
    VALID,
    /** Unknown principal or wrong secret. */
    INVALID,
    /** This verifier does not know the principal; another may. */
    UNKNOWN
  }

  /**
   * Verifies the pair.
   *
   * @throws VerificationUnavailableException when the answer cannot be obtained (auth-service down):
   *     the request is refused, never let through
   */
  Result verify(String principal, String secret);

  /** The verifier could not reach what it verifies against. */
  class VerificationUnavailableException extends RuntimeException {
    public VerificationUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
