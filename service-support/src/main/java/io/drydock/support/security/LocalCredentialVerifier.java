package io.drydock.support.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Verifies against credentials loaded once (a Mesos credentials file), kept only as hashes. A principal
 * it does not know is {@link Result#UNKNOWN}, so a remote verifier may still know it.
 */
public class LocalCredentialVerifier implements CredentialVerifier {

  private final PasswordEncoder encoder;
  private final Map<String, String> hashes = new HashMap<>();

  public LocalCredentialVerifier(Map<String, String> credentials) {
    this.encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    credentials.forEach((principal, secret) -> hashes.put(principal, encoder.encode(secret)));
  }

  @Override
  public Result verify(String principal, String secret) {
    String hash = hashes.get(principal);
    if (hash == null) {
      return Result.UNKNOWN;
    }
    return encoder.matches(secret, hash) ? Result.VALID : Result.INVALID;
  }
}
