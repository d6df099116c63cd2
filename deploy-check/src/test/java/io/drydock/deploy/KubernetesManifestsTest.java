package io.drydock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every overlay renders offline and passes the schema and policy checks; the shapes the design asks for. */
class KubernetesManifestsTest {

  static final java.util.List<String> OVERLAYS = Overlays.NAMES;

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void rendersAndPassesSchemaAndPolicy(String overlay) {
    Overlays.Checked checked = Overlays.checked(overlay);
    assertThat(checked.objects()).isNotEmpty();
    assertThat(checked.violations()).as("violations in k8s/overlays/" + overlay).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyServiceRunsWithItsOwnPortAndProbes(String overlay) {
    Overlays.Checked checked = Overlays.checked(overlay);
    for (String service : Repo.SERVICES) {
      Container c = container(checked, service);
      assertThat(c.getPorts()).as(service).anyMatch(p -> p.getContainerPort() == Repo.port(service));
      assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/livez");
      assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/livez");
      assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
      assertThat(c.getImage()).startsWith("drydock/" + service + ":");
      assertThat(env(c)).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void agentIsADaemonSetWhoseMachineComesFromTheDownwardApi(String overlay) {
    Overlays.Checked checked = Overlays.checked(overlay);
    DaemonSet agent = checked.one(DaemonSet.class, "agent-service");
    Container c = agent.getSpec().getTemplate().getSpec().getContainers().get(0);
    Map<String, EnvVar> env = env(c);
    assertThat(env.get("DRYDOCK_AGENT_HOSTNAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
    assertThat(env.get("DRYDOCK_AGENT_IP").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.hostIP");
    assertThat(env).containsKeys("DRYDOCK_AGENT_MASTER_URL", "DRYDOCK_AGENT_PRINCIPAL", "DRYDOCK_AGENT_SECRET");
    assertThat(checked.all(Deployment.class)).noneMatch(d -> d.getMetadata().getName().equals("agent-service"));
  }

  @Test
  void prodRunsTwoOrMoreMastersUnderADisruptionBudget() {
    Overlays.Checked prod = Overlays.checked("prod");
    Deployment master = prod.one(Deployment.class, "master-service");
    assertThat(master.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    assertThat(master.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    PodDisruptionBudget pdb = prod.one(PodDisruptionBudget.class, "master-service");
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(master.getSpec().getSelector().getMatchLabels());
    for (String stateless : new String[] {"maintenance-service", "auth-service"}) {
      assertThat(prod.one(Deployment.class, stateless).getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
      prod.one(PodDisruptionBudget.class, stateless);
    }
  }

  @Test
  void prodKeepsSecretsOutOfGitAndReferencesPostgresAndKafkaAsExternalServices() {
    Overlays.Checked prod = Overlays.checked("prod");
    assertThat(prod.all(Secret.class)).isEmpty();
    assertThat(prod.one(Service.class, "postgres").getSpec().getType()).isEqualTo("ExternalName");
    assertThat(prod.one(Service.class, "kafka").getSpec().getType()).isEqualTo("ExternalName");
    assertThat(prod.objects()).noneMatch(o -> o.getKind().equals("StatefulSet"));
  }

  @Test
  void devRunsSingleNodePostgresAndKafka() {
    Overlays.Checked dev = Overlays.checked("dev");
    assertThat(dev.all(io.fabric8.kubernetes.api.model.apps.StatefulSet.class))
        .extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrder("postgres", "kafka");
    assertThat(dev.all(Secret.class)).extracting(s -> s.getMetadata().getName())
        .anyMatch(n -> n.startsWith("drydock-db-")).anyMatch(n -> n.startsWith("drydock-security-"));
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void networkPoliciesDenyByDefault(String overlay) {
    Overlays.Checked checked = Overlays.checked(overlay);
    assertThat(checked.all(NetworkPolicy.class)).anyMatch(n -> empty(n.getSpec().getPodSelector().getMatchLabels())
        && empty(n.getSpec().getPodSelector().getMatchExpressions())
        && n.getSpec().getPolicyTypes().contains("Ingress") && empty(n.getSpec().getIngress()));
    assertThat(checked.all(NetworkPolicy.class)).hasSizeGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void ingressRoutesMesosPathsToTheServiceThatOwnsThem(String overlay) {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/maintenance", "maintenance-service");
    expected.put("/machine", "maintenance-service");
    expected.put("/master/maintenance", "maintenance-service");
    expected.put("/master/machine", "maintenance-service");
    expected.put("/master", "master-service");
    expected.put("/api/v1/scheduler", "master-service");
    expected.put("/api/v1", "master-service");
    expected.put("/oauth2", "auth-service");
    expected.put("/.well-known", "auth-service");
    expected.put("/acls", "auth-service");
    expected.put("/credentials", "auth-service");
    assertThat(ManifestPolicy.routes(Overlays.checked(overlay).objects())).isEqualTo(expected);
  }

  private static Container container(Overlays.Checked checked, String name) {
    for (HasMetadata o : checked.objects()) {
      var template = ManifestPolicy.template(o);
      if (template != null && o.getMetadata().getName().equals(name)) {
        return template.getSpec().getContainers().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
      }
    }
    throw new AssertionError("no workload " + name);
  }

  private static boolean empty(Object collectionOrMap) {
    return collectionOrMap == null
        || collectionOrMap instanceof java.util.Collection<?> c && c.isEmpty()
        || collectionOrMap instanceof Map<?, ?> m && m.isEmpty();
  }

  private static Map<String, EnvVar> env(Container c) {
    Map<String, EnvVar> env = new LinkedHashMap<>();
    c.getEnv().forEach(e -> env.put(e.getName(), e));
    return env;
  }
}
