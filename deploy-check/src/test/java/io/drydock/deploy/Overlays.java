package io.drydock.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The overlays under k8s/overlays, rendered once per test JVM, and the full check of one. */
final class Overlays {

  static final List<String> NAMES = List.of("dev", "prod");

  /** Secrets each overlay expects the operator to have created; dev renders all of its own. */
  static final Map<String, Set<String>> EXTERNAL_SECRETS = Map.of(
      "dev", Set.of(),
      "prod", Set.of("drydock-db", "drydock-security", "drydock-agent", "drydock-kafka", "drydock-tls"));

  private static final Map<String, Checked> CACHE = new ConcurrentHashMap<>();

  private Overlays() {}

  static Checked checked(String overlay) {
    return CACHE.computeIfAbsent(overlay, o -> check(Repo.root().resolve("k8s"), o));
  }

  /** Renders {@code k8sDir/overlays/<overlay>} and runs the schema and policy checks on it. */
  static Checked check(Path k8sDir, String overlay) {
    String yaml = Kustomize.render(k8sDir.resolve("overlays").resolve(overlay));
    ManifestSchema.Result parsed = ManifestSchema.parse(yaml);
    List<String> violations = new ArrayList<>(parsed.violations());
    violations.addAll(ManifestPolicy.check(parsed.objects(), EXTERNAL_SECRETS.getOrDefault(overlay, Set.of())));
    return new Checked(yaml, parsed.objects(), violations);
  }

  /** A rendered overlay, the objects that passed the schema check, and all violations. */
  record Checked(String yaml, List<HasMetadata> objects, List<String> violations) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
      return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
      return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
  }
}
