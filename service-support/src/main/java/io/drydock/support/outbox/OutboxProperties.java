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
 * @param retryBackoff how long the relay waits after Kafka failed (default 1 s)
 */
@Validated
@ConfigurationProperties("drydock.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean enabled,
    @NotNull @DefaultValue("500ms") Duration pollInterval,
    @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
    @Min(1) @Max(100) @DefaultValue("10") int batchesPerPass,
    @NotNull @DefaultValue("1s") Duration retryBackoff) {}
