package io.drydock.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.util.backoff.BackOffExecution;

class ConsumerErrorHandlingTest {

  @Test
  void databaseFailuresAreRecognisedThroughTheirCauses() {
    assertThat(ConsumerErrorHandling.isInfrastructureFailure(
        new RuntimeException(new DataAccessResourceFailureException("terminating connection")))).isTrue();
    assertThat(ConsumerErrorHandling.isInfrastructureFailure(new SQLException("Connection is closed", "08003")))
        .isTrue();
    assertThat(ConsumerErrorHandling.isInfrastructureFailure(new IllegalStateException("bad record"))).isFalse();
  }

  @Test
  void databaseFailuresAreRetriedWithoutEndAndOthersForABoundedTime() {
    BackOffExecution infrastructure = ConsumerErrorHandling.backOff(Duration.ofSeconds(5), true).start();
    long waited = 0;
    for (int i = 0; i < 100; i++) {
      long next = infrastructure.nextBackOff();
      assertThat(next).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(5_000);
      waited += next;
    }
    assertThat(waited).isGreaterThan(ConsumerErrorHandling.UNCLASSIFIED_RETRY.toMillis());

    BackOffExecution other = ConsumerErrorHandling.backOff(Duration.ofSeconds(5), false).start();
    long total = 0;
    long next;
    int attempts = 0;
    while ((next = other.nextBackOff()) != BackOffExecution.STOP) {
      total += next;
      attempts++;
    }
    assertThat(attempts).isGreaterThan(1);
    assertThat(total).isLessThanOrEqualTo(ConsumerErrorHandling.UNCLASSIFIED_RETRY.toMillis() + 5_000);
  }
}
