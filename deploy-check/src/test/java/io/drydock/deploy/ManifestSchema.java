package io.drydock.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The schema check of rendered Kubernetes objects, offline: each object is read into fabric8's model
 * of the Kubernetes API. An unknown kind (or a kind under the wrong apiVersion) has no model class; an
 * unknown field lands in a model's {@code additionalProperties}, looked for at every depth; a value of
 * the wrong type does not deserialize (strings are not coerced to numbers or booleans).
 */
final class ManifestSchema {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(strictMapper(), true);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ManifestSchema() {}

  /** The objects of a rendered multi-document YAML, and every schema violation found in them. */
  static Result parse(String renderedYaml) {
    List<HasMetadata> objects = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    List<Map<String, Object>> docs;
    try {
      docs = Yamls.loadAll(renderedYaml);
    } catch (RuntimeException e) {
      violations.add("invalid YAML: " + e.getMessage());
      return new Result(objects, violations);
    }
    for (Map<String, Object> doc : docs) {
      String name = doc.get("kind") + "/" + nameOf(doc);
      if (doc.get("apiVersion") == null || doc.get("kind") == null) {
        violations.add(name + ": missing apiVersion or kind");
        continue;
      }
      KubernetesResource resource;
      try {
        resource = SERIALIZATION.unmarshal(JSON.writeValueAsString(doc), KubernetesResource.class);
      } catch (RuntimeException e) {
        violations.add(name + ": wrong type: " + describe(e));
        continue;
      }
      if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata object)) {
        violations.add(name + ": unknown kind " + doc.get("kind") + " in apiVersion " + doc.get("apiVersion"));
        continue;
      }
      unknownFields(object, "", name, violations, 0);
      objects.add(object);
    }
    return new Result(objects, violations);
  }

  private static void unknownFields(Object value, String path, String name, List<String> violations, int depth) {
    if (value == null || depth > 64) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", name, violations, depth + 1);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        unknownFields(e.getValue(), path + "[" + e.getKey() + "]", name, violations, depth + 1);
      }
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
        continue;
      }
      Object child;
      try {
        child = getter.invoke(value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          for (Object key : extra.keySet()) {
            violations.add(name + ": unknown field " + (path.isEmpty() ? "" : path + ".") + key);
          }
        }
        continue;
      }
      String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
      unknownFields(child, path.isEmpty() ? property : path + "." + property, name, violations, depth + 1);
    }
  }

  private static String nameOf(Map<String, Object> doc) {
    return doc.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "?";
  }

  private static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = firstLine(cause.getMessage());
    if (cause instanceof tools.jackson.core.JacksonException jackson) {
      message = firstLine(jackson.getOriginalMessage()) + " at " + jackson.getPathReference();
    }
    return message;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static ObjectMapper strictMapper() {
    return JsonMapper.builder()
        .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .build();
  }

  /** Parsed objects (those that passed the schema check) and violations. */
  record Result(List<HasMetadata> objects, List<String> violations) {}
}
