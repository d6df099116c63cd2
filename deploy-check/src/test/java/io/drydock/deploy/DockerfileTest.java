package io.drydock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * No Docker engine or registry here, so the images cannot be built in CI: their Dockerfiles are read
 * instead. Pinned bases, a build of the right module with the wrapper, the jar the module produces,
 * a non-root numeric user, the service's port exposed and health-checked, container JVM flags.
 */
class DockerfileTest {

  static final List<String> SERVICES = Repo.SERVICES;

  @ParameterizedTest
  @FieldSource("SERVICES")
  void imageIsPinnedNonRootAndHealthChecked(String service) {
    Path dockerfile = Repo.root().resolve(service).resolve("Dockerfile");
    assertThat(dockerfile).exists();
    assertThat(Repo.root().resolve(service).resolve("Dockerfile.dockerignore")).exists();
    String text = Repo.read(dockerfile);
    int port = Repo.port(service);

    Matcher bases = Pattern.compile("(?m)^ARG (JDK|JRE)_IMAGE=(\\S+)$").matcher(text);
    int found = 0;
    while (bases.find()) {
      found++;
      assertThat(ManifestPolicy.pinned(bases.group(2))).as(bases.group(2) + " pinned").isTrue();
    }
    assertThat(found).isEqualTo(2);
    assertThat(Pattern.compile("(?m)^FROM ").matcher(text).results().count()).isEqualTo(2);
    assertThat(text).contains("./mvnw -B -ntp -pl " + service + " -am");
    assertThat(text).contains(service + "/target/" + service + "-" + Repo.version() + "-exec.jar");
    assertThat(Repo.read(Repo.root().resolve(service).resolve("pom.xml"))).contains("<classifier>exec</classifier>");

    String runtime = text.substring(text.lastIndexOf("\nFROM "));
    Matcher user = Pattern.compile("(?m)^USER (\\d+)(?::(\\d+))?$").matcher(runtime);
    assertThat(user.find()).as("a numeric USER in the runtime stage").isTrue();
    assertThat(Integer.parseInt(user.group(1))).isNotZero();
    assertThat(runtime).contains("EXPOSE " + port);
    assertThat(runtime).containsPattern("HEALTHCHECK [^\\n]*\\\\\\n\\s+CMD .*127\\.0\\.0\\.1/" + port + "\\b.*/readyz");
    assertThat(runtime).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError")
        .contains("org.springframework.boot.loader.launch.JarLauncher");
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void composeAndKubernetesUseTheImageTheDockerfileBuilds(String service) throws Exception {
    String compose = Files.readString(Repo.root().resolve("docker-compose.yml"));
    assertThat(compose).contains("dockerfile: " + service + "/Dockerfile")
        .contains("image: drydock/" + service + ":" + Repo.version());
    assertThat(Repo.read(Repo.root().resolve("k8s/base/kustomization.yaml"))).contains("name: drydock/" + service);
  }
}
