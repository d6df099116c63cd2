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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tries verifiers in order (first {@link Result#VALID} or {@link Result#INVALID} wins, a local file
 * before auth-service) and remembers successful verifications for a short time, keyed by a SHA-256 of
 * the pair, so bcrypt and the network are paid once per TTL. Failures are never cached: a rotated or
 * removed secret stops working within the TTL.
 *
 * <p>One verification per pair runs at a time (single flight): concurrent misses of the same pair wait for
 * it instead of each running bcrypt. A remembered pair is verified again ahead of its expiry (in the last
 * quarter of the TTL) by the one request that notices first, while the others are still answered from the
 * cache, so a busy pair never expires under load.
 */
public class CachingCredentialVerifier implements CredentialVerifier {

  private static final int MAX_ENTRIES = 10_000;

  private final List<CredentialVerifier> delegates;
  private final Duration ttl;
  private final Duration refreshAhead;
  private final Clock clock;
  private final Map<String, Instant> validUntil = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Result>> inFlight = new ConcurrentHashMap<>();

  public CachingCredentialVerifier(List<CredentialVerifier> delegates, Duration ttl, Clock clock) {
    this.delegates = List.copyOf(delegates);
    this.ttl = ttl;
    this.refreshAhead = ttl.dividedBy(4);
    this.clock = clock;
  }

  @Override
  public Result verify(String principal, String secret) {
    String key = digest(principal, secret);
    Instant now = clock.instant();
    Instant until = validUntil.get(key);
    if (until != null && now.isBefore(until)) {
      if (!now.isBefore(until.minus(refreshAhead)) && !inFlight.containsKey(key)) {
        CompletableFuture<Result> mine = new CompletableFuture<>();
        if (inFlight.putIfAbsent(key, mine) == null) {
          try {
            return lead(key, principal, secret, mine);
          } catch (VerificationUnavailableException e) {
            return Result.VALID; // still remembered: the next request tries again
          }
        }
      }
      return Result.VALID;
    }
    CompletableFuture<Result> mine = new CompletableFuture<>();
    CompletableFuture<Result> running = inFlight.putIfAbsent(key, mine);
    if (running == null) {
      return lead(key, principal, secret, mine);
    }
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Runs the verification for everyone waiting on {@code key} and publishes its outcome. */
  private Result lead(String key, String principal, String secret, CompletableFuture<Result> mine) {
    try {
      Result result = verifyWithDelegates(key, principal, secret);
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private Result verifyWithDelegates(String key, String principal, String secret) {
    for (CredentialVerifier delegate : delegates) {
      Result result = delegate.verify(principal, secret);
      if (result == Result.VALID) {
        Instant now = clock.instant();
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
    validUntil.remove(key);
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
