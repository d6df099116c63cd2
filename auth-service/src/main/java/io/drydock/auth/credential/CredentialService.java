package io.drydock.auth.credential;

import io.drydock.auth.credential.persistence.CredentialStore;
import io.drydock.auth.credential.persistence.CredentialStore.StoredPrincipal;
import io.drydock.support.security.CredentialVerifier;
import io.drydock.support.security.DrydockSecurityProperties;
import io.drydock.support.security.MesosCredentials;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Principals and secrets. Secrets are hashed with Spring Security's delegating encoder (bcrypt) and are
 * never logged or returned. Also the {@link CredentialVerifier} of auth-service's own HTTP Basic.
 */
@Service
public class CredentialService implements CredentialVerifier {

  private static final Logger log = LoggerFactory.getLogger(CredentialService.class);

  private final CredentialStore store;
  private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final Clock clock;
  private final DrydockSecurityProperties properties;
  private final Map<String, String> verified = new java.util.concurrent.ConcurrentHashMap<>();

  public CredentialService(CredentialStore store, Clock clock, DrydockSecurityProperties properties) {
    this.store = store;
    this.clock = clock;
    this.properties = properties;
    bootstrap();
  }

  /**
   * Imports {@code drydock.security.credentials} (a Mesos credentials file): principals not stored yet
   * are added; stored ones keep their (possibly rotated) secret.
   */
  void bootstrap() {
    if (properties.credentials() == null) {
      return;
    }
    Map<String, String> credentials = MesosCredentials.read(properties.credentials());
    int added = 0;
    for (Map.Entry<String, String> entry : credentials.entrySet()) {
      if (store.insertIfAbsent(entry.getKey(), encoder.encode(entry.getValue()), clock.instant())) {
        added++;
      }
    }
    log.info("Credentials bootstrap: {} of {} principals added from {}", added, credentials.size(),
        properties.credentials().getDescription());
  }

  public List<StoredPrincipal> list() {
    return store.list();
  }

  /**
   * Adds a principal or rotates its secret.
   *
   * @return {@code true} when the principal is new
   * @throws IllegalArgumentException for an invalid principal or secret
   */
  @Transactional
  public boolean put(String principal, String secret) {
    MesosCredentials.validatePrincipal(principal);
    MesosCredentials.validateSecret(secret);
    return store.upsert(principal, encoder.encode(secret), clock.instant());
  }

  /** Removes a principal; {@code false} when it did not exist. */
  @Transactional
  public boolean remove(String principal) {
    return store.delete(principal);
  }

  /** The stored hash, for the token endpoint's client authentication. */
  public Optional<String> hashOf(String principal) {
    return store.hashOf(principal);
  }

  /**
   * Checks the pair against the stored hash. A verified pair is remembered (by a SHA-256 of the pair)
   * together with the hash it matched, so bcrypt runs once per pair; rotating or removing the secret
   * changes or drops the stored hash, and the remembered pair no longer counts.
   */
  @Override
  public Result verify(String principal, String secret) {
    Optional<String> stored = store.hashOf(principal);
    if (stored.isEmpty()) {
      return Result.INVALID;
    }
    String hash = stored.get();
    String key = digest(principal, secret);
    if (hash.equals(verified.get(key))) {
      return Result.VALID;
    }
    if (!encoder.matches(secret, hash)) {
      return Result.INVALID;
    }
    if (verified.size() > 10_000) {
      verified.clear();
    }
    verified.put(key, hash);
    return Result.VALID;
  }

  private static String digest(String principal, String secret) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(principal.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
