package io.drydock.agent.resources;

import io.drydock.agent.InvalidAgentConfigurationException;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.ResourceParseException;
import io.drydock.allocator.resources.ResourceParser;
import io.drydock.allocator.resources.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an agent offers: its total resources as a Mesos resources string (static reservations included)
 * and its attributes.
 *
 * @param resources the resources string sent to the master, e.g. {@code cpus(sales):4;mem:1024;...}
 * @param parsed the same, parsed
 * @param attributes the attributes, in the order given
 */
public record AgentResources(String resources, Resources parsed, Map<String, String> attributes) {

  /** Resources the agent always offers: what the operator does not name is detected (Mesos's rule). */
  static final List<String> DETECTED = List.of("cpus", "mem", "disk", "ports");

  /**
   * Parses {@code resources} (Mesos text form) and {@code attributes} ({@code rack:r1;zone:a}); names among
   * cpus, mem, disk and ports that {@code resources} lacks are taken from {@code detected}.
   *
   * @throws InvalidAgentConfigurationException naming the property and the offending token
   */
  public static AgentResources of(String resources, String attributes, Map<String, String> detected,
      String property) {
    String given = resources == null ? "" : resources.trim();
    Resources parsed;
    try {
      parsed = given.isEmpty() ? Resources.EMPTY : ResourceParser.parse(given);
    } catch (ResourceParseException e) {
      throw new InvalidAgentConfigurationException(property, e.getMessage());
    }
    Set<String> named = parsed.items().stream().map(Resource::name).collect(Collectors.toSet());
    List<String> tokens = new ArrayList<>();
    if (!given.isEmpty()) {
      tokens.add(given.replaceAll(";+$", ""));
    }
    for (String name : DETECTED) {
      if (!named.contains(name) && detected.containsKey(name)) {
        tokens.add(name + ":" + detected.get(name));
      }
    }
    String text = String.join(";", tokens);
    try {
      return new AgentResources(text, ResourceParser.parse(text), parseAttributes(attributes));
    } catch (ResourceParseException e) {
      throw new InvalidAgentConfigurationException(property, e.getMessage());
    }
  }

  /**
   * Parses Mesos attributes ({@code name:value;name:value}); each token needs exactly one {@code :}, a
   * non-empty name and value, and no name may repeat.
   */
  static Map<String, String> parseAttributes(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (text == null) {
      return attributes;
    }
    for (String raw : text.split(";")) {
      String token = raw.trim();
      if (token.isEmpty()) {
        continue;
      }
      String[] pair = token.split(":", -1);
      if (pair.length != 2) {
        throw new InvalidAgentConfigurationException("drydock.agent.attributes",
            "Bad value for attributes, missing or extra ':' in " + token);
      }
      String name = pair[0].trim();
      String value = pair[1].trim();
      if (name.isEmpty() || value.isEmpty()) {
        throw new InvalidAgentConfigurationException("drydock.agent.attributes",
            "Bad value for attributes, empty name or value in " + token);
      }
      if (attributes.putIfAbsent(name, value) != null) {
        throw new InvalidAgentConfigurationException("drydock.agent.attributes",
            "Bad value for attributes, '" + name + "' appears twice");
      }
    }
    return attributes;
  }
}
