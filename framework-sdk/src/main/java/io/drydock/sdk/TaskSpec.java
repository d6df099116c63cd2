package io.drydock.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A task to launch from an offer.
 *
 * @param taskId unique within the framework
 * @param agentId the agent of the offer
 * @param scalars scalar resources by name ({@code cpus}, {@code mem}, {@code disk}), unreserved
 * @param command a shell command, or {@code null} for a simulated task
 * @param labels task labels (a simulated agent reads {@code drydock.sim.duration-seconds})
 */
public record TaskSpec(
    String taskId, String name, String agentId, Map<String, Double> scalars, String command,
    Map<String, String> environment, Map<String, String> labels) {

  public TaskSpec {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(agentId, "agentId");
    // insertion order kept: the resources, variables and labels are sent in the order given
    scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
    environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** A command task using {@code cpus} and {@code mem} MB. */
  public static TaskSpec command(String taskId, String agentId, double cpus, double mem, String command) {
    Map<String, Double> scalars = new LinkedHashMap<>();
    scalars.put("cpus", cpus);
    scalars.put("mem", mem);
    return new TaskSpec(taskId, taskId, agentId, scalars, command, Map.of(), Map.of());
  }

  /** This task with one more label. */
  public TaskSpec withLabel(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(labels);
    more.put(key, value);
    return new TaskSpec(taskId, name, agentId, scalars, command, environment, more);
  }

  /** A task named for reconciliation. */
  public record TaskRef(String taskId, String agentId) {}
}
