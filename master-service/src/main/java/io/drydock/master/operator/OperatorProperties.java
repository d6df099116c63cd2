package io.drydock.master.operator;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operator API settings ({@code drydock.master.*}).
 *
 * @param maintenanceUrl where maintenance-service answers the maintenance v1 calls the master forwards
 *     (default {@code http://localhost:5052})
 * @param maintenanceTimeout how long a forwarded call may take (default 10 s)
 */
@Validated
@ConfigurationProperties("drydock.master")
public record OperatorProperties(
    @NotNull @DefaultValue("http://localhost:5052") URI maintenanceUrl,
    @NotNull @DefaultValue("10s") Duration maintenanceTimeout) {}
