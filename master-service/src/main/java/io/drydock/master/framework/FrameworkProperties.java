package io.drydock.master.framework;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Framework settings ({@code drydock.master.framework.*}).
 *
 * @param connectivityCheckInterval how often the consumer groups of subscribed frameworks are
 *     inspected to decide who is connected (default 500 ms)
 * @param heartbeatIntervalSeconds the {@code heartbeat_interval_seconds} named in SUBSCRIBED (default 15)
 * @param connectGracePeriod how long a framework may take, after it subscribed, to join its consumer group
 *     before its failover timeout starts to count (default 60 s)
 * @param topicReplicas replicas of each framework topic; 0 = the broker default (default 0)
 */
@Validated
@ConfigurationProperties("drydock.master.framework")
public record FrameworkProperties(
    @NotNull @DefaultValue("500ms") Duration connectivityCheckInterval,
    @DefaultValue("15") double heartbeatIntervalSeconds,
    @NotNull @DefaultValue("60s") Duration connectGracePeriod,
    @DefaultValue("0") int topicReplicas) {}
