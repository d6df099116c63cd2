package io.drydock.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request limits ({@code drydock.http.*}).
 *
 * @param maxRequestBody the largest request body any endpoint accepts (default 1MB); larger bodies
 *     get {@code 413 Payload Too Large} before any handler reads them
 */
@Validated
@ConfigurationProperties("drydock.http")
public record HttpLimitsProperties(@DefaultValue("1MB") DataSize maxRequestBody) {}
