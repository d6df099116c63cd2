package io.drydock.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the schema cannot say: required fields, references between objects (a Service that selects
 * no pod, an Ingress backend or secret that does not exist), and house policy for every container
 * (probes, requests and limits, a pinned image, non-root, no privilege escalation, a read-only root).
 */
final class ManifestPolicy {

  /** Pods may opt out of a read-only root filesystem only by saying why in this annotation. */
  static final String WRITABLE_ROOT = "drydock.io/writable-root-filesystem";

  private final List<HasMetadata> objects;
  private final Set<String> externalSecrets;
  private final List<String> violations = new ArrayList<>();

  private ManifestPolicy(List<HasMetadata> objects, Set<String> externalSecrets) {
    this.objects = objects;
    this.externalSecrets = externalSecrets;
  }

  /**
   * @param externalSecrets Secrets the overlay expects to exist in the namespace already (created
   *     by the operator, not rendered)
   */
  static List<String> check(List<HasMetadata> objects, Set<String> externalSecrets) {
    ManifestPolicy policy = new ManifestPolicy(objects, externalSecrets);
    policy.run();
    return policy.violations;
  }

  private void run() {
    for (HasMetadata o : objects) {
      if (o.getMetadata() == null || blank(o.getMetadata().getName())) {
        violations.add(o.getKind() + ": no metadata.name");
        continue;
      }
      if (o instanceof Deployment d) {
        workload(d, d.getSpec() == null ? null : d.getSpec().getSelector(), d.getSpec() == null ? null : d.getSpec().getTemplate());
      } else if (o instanceof StatefulSet s) {
        workload(s, s.getSpec() == null ? null : s.getSpec().getSelector(), s.getSpec() == null ? null : s.getSpec().getTemplate());
      } else if (o instanceof DaemonSet s) {
        workload(s, s.getSpec() == null ? null : s.getSpec().getSelector(), s.getSpec() == null ? null : s.getSpec().getTemplate());
      } else if (o instanceof Service s) {
        service(s);
      } else if (o instanceof Ingress i) {
        ingress(i);
      } else if (o instanceof PodDisruptionBudget p) {
        selects(p, p.getSpec() == null ? null : p.getSpec().getSelector());
      } else if (o instanceof NetworkPolicy n && (n.getSpec() == null || n.getSpec().getPodSelector() == null)) {
        violations.add(id(n) + ": no spec.podSelector");
      }
    }
  }

  private void workload(HasMetadata w, LabelSelector selector, PodTemplateSpec template) {
    if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
      violations.add(id(w) + ": no spec.selector.matchLabels");
      return;
    }
    if (template == null || template.getSpec() == null) {
      violations.add(id(w) + ": no pod template");
      return;
    }
    Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
    if (!matches(selector, labels)) {
      violations.add(id(w) + ": spec.selector does not match the pod template's labels");
    }
    PodSpec pod = template.getSpec();
    Map<String, String> annotations = template.getMetadata().getAnnotations();
    boolean writableRootAllowed = annotations != null && !blank(annotations.get(WRITABLE_ROOT));
    PodSecurityContext podSecurity = pod.getSecurityContext();
    boolean podNonRoot = podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot());
    if (pod.getContainers() == null || pod.getContainers().isEmpty()) {
      violations.add(id(w) + ": no containers");
      return;
    }
    List<Container> all = new ArrayList<>(pod.getContainers());
    if (pod.getInitContainers() != null) {
      all.addAll(pod.getInitContainers());
    }
    Set<String> volumes = new HashSet<>();
    if (pod.getVolumes() != null) {
      for (Volume v : pod.getVolumes()) {
        volumes.add(v.getName());
        if (v.getSecret() != null) {
          secretExists(id(w) + " volume " + v.getName(), v.getSecret().getSecretName(),
              Boolean.TRUE.equals(v.getSecret().getOptional()));
        }
        if (v.getConfigMap() != null) {
          configMapExists(id(w) + " volume " + v.getName(), v.getConfigMap().getName(),
              Boolean.TRUE.equals(v.getConfigMap().getOptional()));
        }
      }
    }
    if (w instanceof StatefulSet s && s.getSpec().getVolumeClaimTemplates() != null) {
      s.getSpec().getVolumeClaimTemplates().forEach(t -> volumes.add(t.getMetadata().getName()));
    }
    for (Container c : all) {
      container(w, c, podNonRoot, writableRootAllowed, volumes, pod.getInitContainers() != null
          && pod.getInitContainers().contains(c));
    }
  }

  private void container(HasMetadata w, Container c, boolean podNonRoot, boolean writableRootAllowed,
      Set<String> volumes, boolean init) {
    String where = id(w) + " container " + c.getName();
    if (blank(c.getName())) {
      violations.add(id(w) + ": a container without a name");
    }
    if (blank(c.getImage())) {
      violations.add(where + ": no image");
    } else if (!pinned(c.getImage())) {
      violations.add(where + ": image " + c.getImage() + " is not pinned to a version tag or digest");
    }
    if (!init) {
      probe(where, "startupProbe", c.getStartupProbe(), c);
      probe(where, "livenessProbe", c.getLivenessProbe(), c);
      probe(where, "readinessProbe", c.getReadinessProbe(), c);
    }
    var resources = c.getResources();
    for (String kind : List.of("cpu", "memory")) {
      if (resources == null || resources.getRequests() == null || !resources.getRequests().containsKey(kind)) {
        violations.add(where + ": no resources.requests." + kind);
      }
      if (resources == null || resources.getLimits() == null || !resources.getLimits().containsKey(kind)) {
        violations.add(where + ": no resources.limits." + kind);
      }
    }
    SecurityContext sc = c.getSecurityContext();
    boolean nonRoot = podNonRoot || (sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot()));
    if (!nonRoot) {
      violations.add(where + ": runAsNonRoot is not true");
    }
    if (sc != null && sc.getRunAsUser() != null && sc.getRunAsUser() == 0) {
      violations.add(where + ": runs as uid 0");
    }
    if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
      violations.add(where + ": allowPrivilegeEscalation is not false");
    }
    if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
      violations.add(where + ": privileged");
    }
    if ((sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) && !writableRootAllowed) {
      violations.add(where + ": readOnlyRootFilesystem is not true (annotate the pod " + WRITABLE_ROOT
          + " with the reason if it cannot be)");
    }
    if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
        || !sc.getCapabilities().getDrop().contains("ALL")) {
      violations.add(where + ": capabilities do not drop ALL");
    }
    if (c.getPorts() != null) {
      for (ContainerPort p : c.getPorts()) {
        if (p.getContainerPort() == null) {
          violations.add(where + ": a port without containerPort");
        }
      }
    }
    if (c.getVolumeMounts() != null) {
      c.getVolumeMounts().stream().filter(m -> !volumes.contains(m.getName()))
          .forEach(m -> violations.add(where + ": volumeMount " + m.getName() + " names no volume"));
    }
    boolean drydock = c.getImage() != null && c.getImage().startsWith("drydock/");
    if (c.getEnv() != null) {
      for (EnvVar e : c.getEnv()) {
        if (drydock && !Settings.known(e.getName())) {
          violations.add(where + ": env " + e.getName() + " is no setting of a Drydock service");
        }
        if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
          var ref = e.getValueFrom().getSecretKeyRef();
          secretKeyExists(where + " env " + e.getName(), ref.getName(), ref.getKey(),
              Boolean.TRUE.equals(ref.getOptional()));
        }
        if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
          configMapExists(where + " env " + e.getName(), e.getValueFrom().getConfigMapKeyRef().getName(),
              Boolean.TRUE.equals(e.getValueFrom().getConfigMapKeyRef().getOptional()));
        }
      }
    }
    if (c.getEnvFrom() != null) {
      for (EnvFromSource from : c.getEnvFrom()) {
        if (from.getConfigMapRef() != null) {
          ConfigMap cm = configMapExists(where + " envFrom", from.getConfigMapRef().getName(),
              Boolean.TRUE.equals(from.getConfigMapRef().getOptional()));
          if (cm != null && drydock && cm.getData() != null) {
            cm.getData().keySet().stream().filter(k -> !Settings.known(k)).forEach(k -> violations.add(
                where + ": ConfigMap " + cm.getMetadata().getName() + " key " + k + " is no setting of a Drydock service"));
          }
        }
        if (from.getSecretRef() != null) {
          secretExists(where + " envFrom", from.getSecretRef().getName(),
              Boolean.TRUE.equals(from.getSecretRef().getOptional()));
        }
      }
    }
  }

  private void probe(String where, String kind, Probe probe, Container c) {
    if (probe == null) {
      violations.add(where + ": no " + kind);
      return;
    }
    IntOrString port = null;
    if (probe.getHttpGet() != null) {
      port = probe.getHttpGet().getPort();
      if (blank(probe.getHttpGet().getPath())) {
        violations.add(where + ": " + kind + " has no path");
      }
    } else if (probe.getTcpSocket() != null) {
      port = probe.getTcpSocket().getPort();
    } else if (probe.getExec() == null && probe.getGrpc() == null) {
      violations.add(where + ": " + kind + " has no action");
      return;
    }
    if (port != null && !hasPort(c, port)) {
      violations.add(where + ": " + kind + " port " + port.getValue() + " is not a port of the container");
    }
  }

  private void service(Service s) {
    var spec = s.getSpec();
    if (spec == null) {
      violations.add(id(s) + ": no spec");
      return;
    }
    if ("ExternalName".equals(spec.getType())) {
      if (blank(spec.getExternalName())) {
        violations.add(id(s) + ": ExternalName without spec.externalName");
      }
      return;
    }
    if (spec.getPorts() == null || spec.getPorts().isEmpty()) {
      violations.add(id(s) + ": no spec.ports");
    }
    if (spec.getSelector() == null || spec.getSelector().isEmpty()) {
      violations.add(id(s) + ": no spec.selector");
      return;
    }
    List<PodTemplateSpec> selected = templates().stream()
        .filter(t -> t.getMetadata() != null && t.getMetadata().getLabels() != null
            && t.getMetadata().getLabels().entrySet().containsAll(spec.getSelector().entrySet()))
        .toList();
    if (selected.isEmpty()) {
      violations.add(id(s) + ": selector " + spec.getSelector() + " selects no pod");
      return;
    }
    for (ServicePort port : spec.getPorts()) {
      if (port.getPort() == null) {
        violations.add(id(s) + ": a port without a port number");
      }
      IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
      boolean found = selected.stream().anyMatch(t -> t.getSpec().getContainers().stream().anyMatch(c -> hasPort(c, target)));
      if (!found) {
        violations.add(id(s) + ": targetPort " + target.getValue() + " is no port of the selected pods");
      }
    }
  }

  private void ingress(Ingress i) {
    if (i.getSpec() == null || i.getSpec().getRules() == null || i.getSpec().getRules().isEmpty()) {
      violations.add(id(i) + ": no rules");
      return;
    }
    for (IngressRule rule : i.getSpec().getRules()) {
      if (rule.getHttp() == null) {
        continue;
      }
      for (HTTPIngressPath path : rule.getHttp().getPaths()) {
        if (blank(path.getPathType())) {
          violations.add(id(i) + " path " + path.getPath() + ": no pathType");
        }
        var backend = path.getBackend() == null ? null : path.getBackend().getService();
        if (backend == null) {
          violations.add(id(i) + " path " + path.getPath() + ": no service backend");
          continue;
        }
        Service s = find(Service.class, backend.getName());
        if (s == null) {
          violations.add(id(i) + " path " + path.getPath() + ": no Service " + backend.getName());
          continue;
        }
        var port = backend.getPort();
        boolean found = port != null && s.getSpec().getPorts().stream().anyMatch(p -> Objects.equals(p.getName(), port.getName())
            && port.getName() != null || Objects.equals(p.getPort(), port.getNumber()) && port.getNumber() != null);
        if (!found) {
          violations.add(id(i) + " path " + path.getPath() + ": Service " + backend.getName() + " has no such port");
        }
      }
    }
  }

  private void selects(HasMetadata o, LabelSelector selector) {
    if (selector == null) {
      violations.add(id(o) + ": no selector");
      return;
    }
    if (templates().stream().noneMatch(t -> matches(selector, t.getMetadata() == null ? null : t.getMetadata().getLabels()))) {
      violations.add(id(o) + ": selector selects no pod");
    }
  }

  /** The pod routing of the Ingress: path to Service name. */
  static Map<String, String> routes(List<HasMetadata> objects) {
    Map<String, String> routes = new LinkedHashMap<>();
    for (HasMetadata o : objects) {
      if (o instanceof Ingress i) {
        for (IngressRule rule : i.getSpec().getRules()) {
          for (HTTPIngressPath p : rule.getHttp().getPaths()) {
            routes.put(p.getPath(), p.getBackend().getService().getName());
          }
        }
      }
    }
    return routes;
  }

  private List<PodTemplateSpec> templates() {
    List<PodTemplateSpec> templates = new ArrayList<>();
    for (HasMetadata o : objects) {
      PodTemplateSpec template = template(o);
      if (template != null) {
        templates.add(template);
      }
    }
    return templates;
  }

  static PodTemplateSpec template(HasMetadata o) {
    if (o instanceof Deployment d && d.getSpec() != null) {
      return d.getSpec().getTemplate();
    }
    if (o instanceof StatefulSet s && s.getSpec() != null) {
      return s.getSpec().getTemplate();
    }
    if (o instanceof DaemonSet s && s.getSpec() != null) {
      return s.getSpec().getTemplate();
    }
    return null;
  }

  private ConfigMap configMapExists(String where, String name, boolean optional) {
    ConfigMap cm = find(ConfigMap.class, name);
    if (cm == null && !optional) {
      violations.add(where + ": no ConfigMap " + name);
    }
    return cm;
  }

  private Secret secretExists(String where, String name, boolean optional) {
    Secret secret = find(Secret.class, name);
    if (secret == null && !optional && !externalSecrets.contains(name)) {
      violations.add(where + ": no Secret " + name + " (rendered or declared external)");
    }
    return secret;
  }

  private void secretKeyExists(String where, String name, String key, boolean optional) {
    Secret secret = secretExists(where, name, optional);
    if (secret != null) {
      boolean has = (secret.getData() != null && secret.getData().containsKey(key))
          || (secret.getStringData() != null && secret.getStringData().containsKey(key));
      if (!has && !optional) {
        violations.add(where + ": Secret " + name + " has no key " + key);
      }
    }
  }

  private <T extends HasMetadata> T find(Class<T> type, String name) {
    return objects.stream().filter(type::isInstance).map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElse(null);
  }

  static boolean pinned(String image) {
    if (image.contains("@sha256:")) {
      return true;
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon < slash + 1) {
      return false;
    }
    String tag = image.substring(colon + 1);
    return !tag.isBlank() && !tag.equals("latest") && Character.isDigit(tag.charAt(0));
  }

  private static boolean hasPort(Container c, IntOrString port) {
    if (c.getPorts() == null) {
      return false;
    }
    return c.getPorts().stream().anyMatch(p -> port.getStrVal() != null
        ? port.getStrVal().equals(p.getName())
        : Objects.equals(port.getIntVal(), p.getContainerPort()));
  }

  private static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (labels == null || selector.getMatchLabels() == null) {
      return false;
    }
    return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
  }

  private static String id(HasMetadata o) {
    return o.getKind() + "/" + o.getMetadata().getName();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
