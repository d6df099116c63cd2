package io.drydock.support.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay's settings ({@code drydock.outbox.*}).
 *
 * @param enabled whether this service runs a relay (default {@code true})
 * @param pollInterval how often the relay looks for unpublished events when no commit woke it
 *     (default 500 ms); commits wake it at once
 * @param batchSize how many events the relay reads and sends at a time (default 500)
 * @param batchesPerPass how many batches one pass sends before it waits for Kafka's acknowledgements and
 *     commits (default 10): sends are pipelined, so the acknowledgement round trip is paid once per pass
 * @param retryBackoff how long the relay waits after a failed pass before the next one (default 1 s); commits
 *     do not wake it during that time
 * @param ackTimeout how long a pass waits for Kafka's acknowledgements of its sends before it rolls back
 *     and retries (default 35 s: the producer's {@code delivery.timeout.ms}, 30 s, plus a margin, so a
 *     working producer always answers first and only a send that never completes times out)
 * @param statementTimeout PostgreSQL's {@code statement_timeout} for the statements of a pass (default
 *     10 s): a pass waiting on a lock or a stuck backend fails, rolls back and retries instead of hanging
 */
@Validated
@ConfigurationProperties("drydock.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean enabled,
    @NotNull @DefaultValue("500ms") Duration pollInterval,
    @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
    @Min(1) @Max(100) @DefaultValue("10") int batchesPerPass,
    @NotNull @DefaultValue("1s") Duration retryBackoff,
    @NotNull @DefaultValue("35s") Duration ackTimeout,
    @NotNull @DefaultValue("10s") Duration statementTimeout) {}
