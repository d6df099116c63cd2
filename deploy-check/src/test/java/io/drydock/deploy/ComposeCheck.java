package io.drydock.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check of a Compose file, offline: the Compose specification's JSON schema (vendored in test
 * resources, see compose-spec/README.md) after YAML anchors and merge keys are resolved, then policy:
 * health-based start order, named volumes for data, secrets from files that exist, two agents.
 */
final class ComposeCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = loadSchema();
  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

  private ComposeCheck() {}

  /** Every violation of the Compose file at {@code file}; relative paths resolve against its directory. */
  static List<String> check(Path file) {
    List<String> violations = new ArrayList<>();
    Map<String, Object> compose;
    try {
      compose = Yamls.load(Repo.read(file));
    } catch (RuntimeException e) {
      violations.add("invalid YAML: " + e.getMessage());
      return violations;
    }
    JsonNode node = JSON.valueToTree(compose);
    for (ValidationMessage m : SCHEMA.validate(node)) {
      violations.add("schema: " + m.getMessage());
    }
    if (!violations.isEmpty()) {
      return violations;
    }
    policy(node, file.getParent(), violations);
    return violations;
  }

  private static void policy(JsonNode compose, Path dir, List<String> violations) {
    JsonNode services = compose.path("services");
    Set<String> volumes = names(compose.path("volumes"));
    Set<String> secrets = names(compose.path("secrets"));
    compose.path("secrets").properties().forEach(e -> {
      JsonNode secretFile = e.getValue().get("file");
      if (secretFile == null) {
        violations.add("secret " + e.getKey() + ": not from a file");
      } else if (!Files.isRegularFile(dir.resolve(interpolate(secretFile.asText())))) {
        violations.add("secret " + e.getKey() + ": file " + secretFile.asText() + " does not exist");
      }
    });
    Set<String> agentHostnames = new HashSet<>();
    Set<String> hostPorts = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : services.properties()) {
      String name = e.getKey();
      JsonNode s = e.getValue();
      String image = s.path("image").asText("");
      if (image.isEmpty() || !ManifestPolicy.pinned(image)) {
        violations.add(name + ": image '" + image + "' is not pinned to a version tag");
      }
      JsonNode health = s.path("healthcheck");
      if (health.path("test").isMissingNode() || health.path("disable").asBoolean(false)) {
        violations.add(name + ": no healthcheck");
      }
      JsonNode dependsOn = s.path("depends_on");
      if (dependsOn.isArray()) {
        violations.add(name + ": depends_on without a condition (use condition: service_healthy)");
      }
      dependsOn.properties().forEach(d -> {
        if (!services.has(d.getKey())) {
          violations.add(name + ": depends on unknown service " + d.getKey());
        }
        String condition = d.getValue().path("condition").asText();
        if (!condition.equals("service_healthy") && !condition.equals("service_completed_successfully")) {
          violations.add(name + ": depends_on " + d.getKey() + " is not health-based (" + condition + ")");
        }
      });
      for (JsonNode ref : s.path("secrets")) {
        String source = ref.isTextual() ? ref.asText() : ref.path("source").asText();
        if (!secrets.contains(source)) {
          violations.add(name + ": secret " + source + " is not declared");
        }
      }
      for (JsonNode mount : s.path("volumes")) {
        String source = mount.isTextual() ? mount.asText().split(":")[0] : mount.path("source").asText();
        if (!source.startsWith(".") && !source.startsWith("/") && !source.startsWith("$") && !volumes.contains(source)) {
          violations.add(name + ": volume " + source + " is not declared");
        }
      }
      environment(s.path("environment")).forEach((key, value) -> {
        boolean secretish = key.endsWith("PASSWORD") || key.endsWith("SECRET");
        if (secretish && !value.isEmpty()) {
          violations.add(name + ": " + key + " is set in plain text; use a secret");
        }
      });
      String dockerfile = s.path("build").path("dockerfile").asText("");
      if (!s.path("build").isMissingNode()) {
        Path context = dir.resolve(s.path("build").path("context").asText("."));
        if (!Files.isRegularFile(context.resolve(dockerfile.isEmpty() ? "Dockerfile" : dockerfile))) {
          violations.add(name + ": build.dockerfile " + dockerfile + " does not exist");
        }
        environment(s.path("environment")).keySet().stream().filter(k -> !Settings.known(k))
            .forEach(k -> violations.add(name + ": env " + k + " is no setting of a Drydock service"));
      }
      if (dockerfile.equals("agent-service/Dockerfile")) {
        agentHostnames.add(environment(s.path("environment")).getOrDefault("DRYDOCK_AGENT_HOSTNAME", ""));
      }
      for (JsonNode port : s.path("ports")) {
        String published = port.isTextual() ? hostPort(port.asText()) : port.path("published").asText();
        if (!published.isEmpty() && !hostPorts.add(published)) {
          violations.add(name + ": host port " + published + " is published twice");
        }
      }
    }
    agentHostnames.remove("");
    if (agentHostnames.size() < 2) {
      violations.add("fewer than two agents with their own DRYDOCK_AGENT_HOSTNAME: " + agentHostnames);
    }
    for (String infra : List.of("postgres", "kafka")) {
      JsonNode mounts = services.path(infra).path("volumes");
      boolean named = false;
      for (JsonNode m : mounts) {
        String source = m.isTextual() ? m.asText().split(":")[0] : m.path("source").asText();
        named |= volumes.contains(source);
      }
      if (!named) {
        violations.add(infra + ": its data is on no named volume");
      }
    }
  }

  /** Environment as a map, from either the mapping or the list form. */
  static Map<String, String> environment(JsonNode env) {
    Map<String, String> result = new java.util.LinkedHashMap<>();
    if (env.isObject()) {
      env.properties().forEach(e -> result.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    } else if (env.isArray()) {
      for (JsonNode item : env) {
        String[] kv = item.asText().split("=", 2);
        result.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return result;
  }

  private static String hostPort(String mapping) {
    String[] parts = mapping.split(":");
    return parts.length >= 2 ? parts[parts.length - 2] : "";
  }

  /** Resolves {@code ${VAR}} and {@code ${VAR:-default}} from the environment, as Compose does. */
  static String interpolate(String text) {
    Matcher m = INTERPOLATION.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = System.getenv(m.group(1));
      if (value == null || value.isEmpty()) {
        value = m.group(2) == null ? "" : m.group(2);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static Set<String> names(JsonNode mapping) {
    Set<String> names = new HashSet<>();
    mapping.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonSchema loadSchema() {
    try (InputStream in = ComposeCheck.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
      ObjectNode schema = (ObjectNode) JSON.readTree(in);
      // Validate with the draft-07 meta-schema built into the validator: nothing is fetched.
      schema.remove("$schema");
      schema.put("$id", "urn:compose-spec:compose_spec.json"); // its relative $id is refused as a base URI
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
