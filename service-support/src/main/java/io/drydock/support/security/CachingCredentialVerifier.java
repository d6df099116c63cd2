package io.drydock.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tries verifiers in order (first {@link Result#VALID} or {@link Result#INVALID} wins, a local file
 * before auth-service) and remembers successful verifications for a short time, keyed by a SHA-256 of
 * the pair, so bcrypt and the network are paid once per TTL. Failures are never cached: a rotated or
 * removed secret stops working within the TTL.
 */
public class CachingCredentialVerifier implements CredentialVerifier {

  private static final int MAX_ENTRIES = 10_000;

  private final List<CredentialVerifier> delegates;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Instant> validUntil = new ConcurrentHashMap<>();

  public CachingCredentialVerifier(List<CredentialVerifier> delegates, Duration ttl, Clock clock) {
    this.delegates = List.copyOf(delegates);
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public Result verify(String principal, String secret) {
    String key = digest(principal, secret);
    Instant now = clock.instant();
    Instant until = validUntil.get(key);
    if (until != null && now.isBefore(until)) {
      return Result.VALID;
    }
    for (CredentialVerifier delegate : delegates) {
      Result result = delegate.verify(principal, secret);
      if (result == Result.VALID) {
        if (validUntil.size() >= MAX_ENTRIES) {
          validUntil.values().removeIf(t -> !now.isBefore(t));
          if (validUntil.size() >= MAX_ENTRIES) {
            validUntil.clear();
          }
        }
        validUntil.put(key, now.plus(ttl));
        return result;
      }
      if (result == Result.INVALID) {
        validUntil.remove(key);
        return result;
      }
    }
    return Result.INVALID;
  }

  private static String digest(String principal, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(principal.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
