package io.drydock.agentprotocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An agent registers (no {@code agentId}) or re-registers (with the id the master gave it before).
 *
 * @param agentId the id from an earlier registration, or {@code null} for a first registration
 * @param hostname the machine's hostname (with {@code ip}, the machine id maintenance works on)
 * @param ip the machine's IPv4 address
 * @param endpoint the base URL the master calls this agent at, e.g. {@code http://10.0.0.1:5051}
 * @param resources the agent's total resources as a Mesos resources string, e.g.
 *     {@code cpus:4;mem(*):8192;ports(*):[31000-32000];cpus(sales):2}
 * @param attributes the agent's attributes
 * @param runningTasks the tasks it is running (on re-registration after a restart or failover)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisterAgent(
    String agentId, String hostname, String ip, String endpoint, String resources,
    Map<String, String> attributes, List<TaskReport> runningTasks) {}
