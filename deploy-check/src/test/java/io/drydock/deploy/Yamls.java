package io.drydock.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Strict YAML reading: duplicate keys are errors (a silently overridden key is a typo too). */
final class Yamls {

  private Yamls() {}

  static Map<String, Object> load(String yaml) {
    Object loaded = yaml().load(yaml);
    if (!(loaded instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("not a YAML mapping");
    }
    return cast(loaded);
  }

  static List<Map<String, Object>> loadAll(String yaml) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : yaml().loadAll(yaml)) {
      if (doc == null) {
        continue;
      }
      if (!(doc instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("a YAML document that is not a mapping: " + doc);
      }
      docs.add(cast(doc));
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Object map) {
    return (Map<String, Object>) map;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }
}
