package io.drydock.maintenance.http;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP settings of maintenance-service ({@code drydock.maintenance.http.*}).
 *
 * @param maxRequestBytes the largest request body accepted, in bytes (default 1 MiB); larger bodies get 413
 */
@Validated
@ConfigurationProperties("drydock.maintenance.http")
public record HttpProperties(@Min(1) @DefaultValue("1048576") long maxRequestBytes) {}
