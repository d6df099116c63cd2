package io.drydock.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drydock.support.security.CredentialVerifier.Result;
import io.drydock.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CachingCredentialVerifierTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<Result> answer = new AtomicReference<>(Result.VALID);
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  private final CredentialVerifier delegate = (principal, secret) -> {
    calls.incrementAndGet();
    if (failure.get() != null) {
      throw failure.get();
    }
    return answer.get();
  };

  @Test
  void concurrentMissesOfOnePairRunOneVerification() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CredentialVerifier slow = (principal, secret) -> {
      calls.incrementAndGet();
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Result.VALID;
    };
    CachingCredentialVerifier cache = new CachingCredentialVerifier(List.of(slow), Duration.ofSeconds(30), clock);
    List<Result> results = new CopyOnWriteArrayList<>();
    Thread leader = new Thread(() -> results.add(cache.verify("agent", "s3cret")));
    leader.start();
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    List<Thread> followers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> results.add(cache.verify("agent", "s3cret")));
      followers.add(t);
      t.start();
    }
    // every follower is parked (waiting for the leader's verification, or, without single flight, in bcrypt)
    await().atMost(Duration.ofSeconds(30)).until(() -> followers.stream()
        .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
    release.countDown();
    leader.join(30_000);
    for (Thread t : followers) {
      t.join(30_000);
    }
    assertThat(results).hasSize(9).containsOnly(Result.VALID);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aBusyPairIsVerifiedAgainAheadOfExpiryAndNeverExpires() {
    CachingCredentialVerifier cache = new CachingCredentialVerifier(List.of(delegate), Duration.ofSeconds(40), clock);
    assertThat(cache.verify("agent", "s3cret")).isEqualTo(Result.VALID);
    clock.advance(Duration.ofSeconds(20));
    assertThat(cache.verify("agent", "s3cret")).isEqualTo(Result.VALID);
    assertThat(calls).hasValue(1);
    clock.advance(Duration.ofSeconds(11)); // 31 s: in the last quarter of the TTL
    assertThat(cache.verify("agent", "s3cret")).isEqualTo(Result.VALID);
    assertThat(calls).hasValue(2);
    clock.advance(Duration.ofSeconds(25)); // 56 s: the first entry would have expired at 40 s
    assertThat(cache.verify("agent", "s3cret")).isEqualTo(Result.VALID);
    assertThat(calls).hasValue(2);
  }

  @Test
  void aRemovedSecretStopsWorkingAtTheRefresh() {
    CachingCredentialVerifier cache = new CachingCredentialVerifier(List.of(delegate), Duration.ofSeconds(40), clock);
    assertThat(cache.verify("agent", "s3cret")).isEqualTo(Result.VALID);
    answer.set(Result.INVALID);
    clock.advance(Duration.ofSeconds(35));
    assertThat(cache.verify("agent", "s3cret")).isEqualTo(Result.INVALID);
    assertThat(cache.verify("agent", "s3cret")).isEqualTo(Result.INVALID);
    assertThat(calls).hasValue(3);
  }

  @Test
  void anUnavailableRefreshKeepsTheRememberedPairUntilItExpires() {
    CachingCredentialVerifier cache = new CachingCredentialVerifier(List.of(delegate), Duration.ofSeconds(40), clock);
    assertThat(cache.verify("agent", "s3cret")).isEqualTo(Result.VALID);
    failure.set(new CredentialVerifier.VerificationUnavailableException("auth-service down", null));
    clock.advance(Duration.ofSeconds(35));
    assertThat(cache.verify("agent", "s3cret")).isEqualTo(Result.VALID);
    clock.advance(Duration.ofSeconds(6)); // expired
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.verify("agent", "s3cret"))
        .isInstanceOf(CredentialVerifier.VerificationUnavailableException.class);
  }

  @Test
  void failuresAreNotRemembered() {
    answer.set(Result.INVALID);
    CachingCredentialVerifier cache = new CachingCredentialVerifier(List.of(delegate), Duration.ofSeconds(40), clock);
    assertThat(cache.verify("agent", "wrong")).isEqualTo(Result.INVALID);
    answer.set(Result.VALID);
    assertThat(cache.verify("agent", "wrong")).isEqualTo(Result.VALID);
    assertThat(calls).hasValue(2);
  }
}
