package io.drydock.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The agent ({@code drydock.agent.*}). Every default is stated here; on Kubernetes set
 * {@code DRYDOCK_AGENT_HOSTNAME} from the node name and {@code DRYDOCK_AGENT_IP} from the host IP (or
 * {@code NODE_NAME} / {@code HOST_IP}, which are read when these properties are unset).
 *
 * @param masterUrl the master's base URL (default {@code http://localhost:5050})
 * @param hostname the machine's hostname (default: {@code NODE_NAME}, else the detected hostname)
 * @param ip the machine's IPv4 address (default: {@code HOST_IP}, else the first non-loopback IPv4 address)
 * @param resources a Mesos resources string, e.g. {@code cpus(sales):4;mem(*):1024;ports(*):[31000-32000]};
 *     {@code cpus}, {@code mem}, {@code disk} and {@code ports} it does not name are detected as Mesos
 *     does (default: all detected, ports {@code [31000-32000]})
 * @param attributes attributes as {@code rack:r1;zone:a} (default none)
 * @param workDir where sandboxes and the agent's checkpoints live (default {@code $TMPDIR/drydock-agent})
 * @param principal the principal the agent authenticates to the master with (default none: no credentials)
 * @param secret the secret of {@code principal}
 * @param advertisedUrl the base URL the master calls this agent at (default {@code http://<ip>:<port>}, for
 *     a simulated fleet {@code http://127.0.0.1:<port>})
 * @param heartbeat the heartbeat interval when the master does not name one (default 15 s)
 * @param killGracePeriod time between SIGTERM and SIGKILL when the kill names none (default 3 s)
 * @param requestTimeout timeout of one request to the master (default 10 s)
 * @param backoff registration retry backoff
 * @param statusUpdateRetry how long to wait before resending unacknowledged status updates after a
 *     failed attempt; doubles up to ten times this (default 10 s, as Mesos)
 * @param simulated the simulated fleet
 */
@Validated
@ConfigurationProperties("drydock.agent")
public record AgentProperties(
    @NotNull @DefaultValue("http://localhost:5050") URI masterUrl,
    String hostname,
    String ip,
    String resources,
    @NotNull @DefaultValue("") String attributes,
    Path workDir,
    String principal,
    String secret,
    URI advertisedUrl,
    @NotNull @DefaultValue("15s") Duration heartbeat,
    @NotNull @DefaultValue("3s") Duration killGracePeriod,
    @NotNull @DefaultValue("10s") Duration requestTimeout,
    @Valid @NotNull @DefaultValue Backoff backoff,
    @NotNull @DefaultValue("10s") Duration statusUpdateRetry,
    @Valid @NotNull @DefaultValue Simulated simulated) {

  public AgentProperties {
    if (workDir == null) {
      workDir = Path.of(System.getProperty("java.io.tmpdir"), "drydock-agent");
    }
  }

  /** Whether this process simulates a fleet instead of being the agent of its machine. */
  public boolean isSimulated() {
    return simulated.count() > 0;
  }

  /**
   * Registration backoff: the first retry after {@code initial}, then doubling (with jitter) up to {@code max}
   * (Mesos: {@code --registration_backoff_factor=1secs}, at most one minute).
   *
   * @param initial the first retry delay (default 1 s)
   * @param max the largest retry delay (default 60 s)
   */
  public record Backoff(@NotNull @DefaultValue("1s") Duration initial, @NotNull @DefaultValue("60s") Duration max) {}

  /**
   * A simulated fleet: {@code count} agents in this process, {@code <hostnamePrefix><i>} at
   * {@code 127.0.1.<i>} (continuing to {@code 127.0.2.1} after 254 ...), whose tasks run for the seconds in
   * their {@code drydock.sim.duration-seconds} label (forever without it) and exit with
   * {@code drydock.sim.exit-code} (default 0).
   *
   * @param count how many agents; 0 means this process is the one real agent of its machine (default 0)
   * @param resources each simulated agent's resources (default {@code cpus:8;mem:16384;disk:102400;ports:[31000-32000]})
   * @param hostnamePrefix hostname prefix (default {@code sim-agent-})
   * @param maxConcurrentRequests requests the fleet has in flight to the master at most (default 64)
   */
  public record Simulated(
      @Min(0) @Max(60000) @DefaultValue("0") int count,
      @NotBlank @DefaultValue("cpus:8;mem:16384;disk:102400;ports:[31000-32000]") String resources,
      @NotBlank @DefaultValue("sim-agent-") String hostnamePrefix,
      @Min(1) @DefaultValue("64") int maxConcurrentRequests) {}
}
