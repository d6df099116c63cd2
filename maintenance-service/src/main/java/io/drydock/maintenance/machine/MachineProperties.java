package io.drydock.maintenance.machine;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topic settings of the machine feature ({@code drydock.maintenance.topics.*}), used only when the topics
 * do not exist yet.
 *
 * @param topicPartitions partitions of {@code drydock.machine-state} and {@code drydock.inverse-offer-responses}
 *     (default 3)
 * @param topicReplicas replication factor; 0 (default) takes the broker's default
 */
@Validated
@ConfigurationProperties("drydock.maintenance.topics")
public record MachineProperties(
    @Min(1) @Max(1000) @DefaultValue("3") int topicPartitions,
    @Min(0) @Max(16) @DefaultValue("0") int topicReplicas) {}
