package io.drydock.master.agent;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Agent settings ({@code drydock.master.agent.*}).
 *
 * @param heartbeatInterval how often agents must send a heartbeat (default 5 s)
 * @param maxMissedHeartbeats after this many missed heartbeats an agent is unreachable: removed, its
 *     tasks TASK_LOST (TASK_UNREACHABLE for PARTITION_AWARE frameworks) (default 5)
 * @param requestTimeout timeout of the master's calls to agents (default 5 s)
 * @param maxConcurrentRequests the master's calls to agents in flight at once; more wait in a queue (default 16)
 * @param principal the principal the master authenticates to agents with, if they require it (default none)
 * @param secret its secret (default none)
 */
@Validated
@ConfigurationProperties("drydock.master.agent")
public record AgentProperties(
    @NotNull @DefaultValue("5s") Duration heartbeatInterval,
    @Min(1) @DefaultValue("5") int maxMissedHeartbeats,
    @NotNull @DefaultValue("5s") Duration requestTimeout,
    @Min(1) @DefaultValue("16") int maxConcurrentRequests,
    String principal,
    String secret) {}
