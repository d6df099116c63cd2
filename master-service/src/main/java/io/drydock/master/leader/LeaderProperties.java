package io.drydock.master.leader;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Leader election settings ({@code drydock.master.*}).
 *
 * @param advertisedHost the host name followers send clients to when this replica leads (default the
 *     machine's host name, {@code localhost} when it has none)
 * @param electionInterval how often a follower tries to take the lock and a leader checks it still holds
 *     it (default 500 ms)
 * @param electionLock the key of the PostgreSQL advisory lock the replicas of one cluster contend for, also
 *     the id of their {@code leader} row (default {@code 5050})
 */
@Validated
@ConfigurationProperties("drydock.master")
public record LeaderProperties(
    String advertisedHost,
    @NotNull @DefaultValue("500ms") Duration electionInterval,
    @DefaultValue("5050") long electionLock) {}
