package io.drydock.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI fails on a typo: broken copies of the artefacts are fed to the same checks, which must report them. */
class BrokenCopiesTest {

  @TempDir
  Path tmp;

  private List<String> k8sViolations(String overlay, String file, String from, String to) {
    Path k8s = tmp.resolve("k8s");
    Repo.copyTree(Repo.root().resolve("k8s"), k8s);
    Repo.replaceIn(k8s.resolve(file), from, to);
    return Overlays.check(k8s, overlay).violations();
  }

  @Test
  void misspeltFieldInAManifest() {
    assertThat(k8sViolations("prod", "base/master-service.yaml", "containerPort: 5050", "contanerPort: 5050"))
        .anyMatch(v -> v.contains("Deployment/master-service") && v.contains("unknown field")
            && v.contains("ports[0].contanerPort"));
  }

  @Test
  void misspeltFieldDeepInAPodTemplate() {
    assertThat(k8sViolations("dev", "base/agent-service.yaml", "readOnlyRootFilesystem", "readOnlyRootFileSystem"))
        .anyMatch(v -> v.contains("DaemonSet/agent-service") && v.contains("securityContext.readOnlyRootFileSystem"));
  }

  @Test
  void wrongTypeInAManifest() {
    assertThat(k8sViolations("prod", "base/master-service.yaml", "runAsUser: 10001", "runAsUser: drydock"))
        .anyMatch(v -> v.contains("Deployment/master-service") && v.contains("wrong type") && v.contains("runAsUser"));
  }

  @Test
  void unknownKind() {
    assertThat(k8sViolations("dev", "base/master-service.yaml", "kind: PodDisruptionBudget", "kind: PodDisruptionBudjet"))
        .anyMatch(v -> v.contains("unknown kind PodDisruptionBudjet"));
  }

  @Test
  void misspeltLabelLeavesAServiceSelectingNothing() {
    assertThat(k8sViolations("prod", "base/auth-service.yaml", "    app.kubernetes.io/name: auth-service\n  ports:",
        "    app.kubernetes.io/name: auth-servce\n  ports:"))
        .anyMatch(v -> v.contains("Service/auth-service") && v.contains("selects no pod"));
  }

  @Test
  void missingProbe() {
    assertThat(k8sViolations("prod", "base/maintenance-service.yaml", "          readinessProbe:", "          readinessProbeX:"))
        .anyMatch(v -> v.contains("container maintenance-service: no readinessProbe"));
  }

  @Test
  void misspeltSettingName() {
    assertThat(k8sViolations("dev", "base/kustomization.yaml", "SPRING_DATASOURCE_URL=", "SPRING_DATASOURCE_ULR="))
        .anyMatch(v -> v.contains("SPRING_DATASOURCE_ULR is no setting"));
  }

  @Test
  void unpinnedImage() {
    assertThat(k8sViolations("dev", "overlays/dev/postgres.yaml", "image: postgres:17.6-bookworm", "image: postgres:latest"))
        .anyMatch(v -> v.contains("postgres:latest is not pinned"));
  }

  @Test
  void ingressBackendThatDoesNotExist() {
    assertThat(k8sViolations("prod", "base/ingress.yaml", "name: auth-service, port", "name: auth, port"))
        .anyMatch(v -> v.contains("Ingress/drydock") && v.contains("no Service auth"));
  }

  @Test
  void kustomizeErrorsAreReported() {
    Path k8s = tmp.resolve("k8s");
    Repo.copyTree(Repo.root().resolve("k8s"), k8s);
    Repo.replaceIn(k8s.resolve("base/kustomization.yaml"), "  - ingress.yaml", "  - ingres.yaml");
    assertThatThrownBy(() -> Overlays.check(k8s, "dev"))
        .isInstanceOf(Kustomize.KustomizeException.class).hasMessageContaining("ingres.yaml");
  }

  private List<String> composeViolations(String from, String to) throws Exception {
    Path root = tmp.resolve("repo");
    Files.createDirectories(root);
    Files.copy(Repo.root().resolve("docker-compose.yml"), root.resolve("docker-compose.yml"));
    Repo.copyTree(Repo.root().resolve("k8s"), root.resolve("k8s"));
    for (String service : Repo.SERVICES) {
      Files.createDirectories(root.resolve(service));
      Files.copy(Repo.root().resolve(service).resolve("Dockerfile"), root.resolve(service).resolve("Dockerfile"));
    }
    assertThat(ComposeCheck.check(root.resolve("docker-compose.yml"))).as("the unbroken copy").isEmpty();
    Repo.replaceIn(root.resolve("docker-compose.yml"), from, to);
    return ComposeCheck.check(root.resolve("docker-compose.yml"));
  }

  @Test
  void unknownComposeKey() throws Exception {
    assertThat(composeViolations("    healthcheck:\n      test: [\"CMD\", \"pg_isready\"", "    healtcheck:\n      test: [\"CMD\", \"pg_isready\""))
        .anyMatch(v -> v.startsWith("schema:") && v.contains("healtcheck"));
  }

  @Test
  void wrongTypeInCompose() throws Exception {
    assertThat(composeViolations("  cap_drop:\n    - ALL", "  cap_drop: ALL"))
        .anyMatch(v -> v.startsWith("schema:") && v.contains("cap_drop"));
  }

  @Test
  void misspeltDependsOnCondition() throws Exception {
    assertThat(composeViolations("      condition: service_healthy", "      condition: service_healty"))
        .anyMatch(v -> v.startsWith("schema:") && v.contains("condition"));
  }

  @Test
  void onlyOneAgent() throws Exception {
    assertThat(composeViolations("      DRYDOCK_AGENT_HOSTNAME: agent-2", "      DRYDOCK_AGENT_HOSTNAME: agent-1"))
        .anyMatch(v -> v.contains("fewer than two agents"));
  }

  @Test
  void secretFileThatDoesNotExist() throws Exception {
    assertThat(composeViolations("/acls.json", "/acl.json"))
        .anyMatch(v -> v.contains("secret acls") && v.contains("does not exist"));
  }

  @Test
  void plainTextPassword() throws Exception {
    assertThat(composeViolations("      POSTGRES_PASSWORD_FILE: /run/secrets/db-password", "      POSTGRES_PASSWORD: drydock"))
        .anyMatch(v -> v.contains("POSTGRES_PASSWORD is set in plain text"));
  }

  @Test
  void misspeltSettingInCompose() throws Exception {
    assertThat(composeViolations("      DRYDOCK_AGENT_WORK_DIR: /var/lib/drydock/agent\n    secrets:",
        "      DRYDOCK_AGENT_WORKDIR: /var/lib/drydock/agent\n    secrets:"))
        .anyMatch(v -> v.contains("DRYDOCK_AGENT_WORKDIR is no setting"));
  }
}
