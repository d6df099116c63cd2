package io.drydock.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, which needs no cluster. A machine without
 * kubectl fails the checks with a message saying so: the manifests are never silently unchecked.
 */
final class Kustomize {

  private Kustomize() {}

  /** The rendered multi-document YAML; throws with kubectl's own message when rendering fails. */
  static String render(Path kustomization) {
    String kubectl = kubectl();
    try {
      Process process = new ProcessBuilder(kubectl, "kustomize", kustomization.toString()).start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl kustomize " + kustomization + " did not finish in 60 s");
      }
      if (process.exitValue() != 0) {
        throw new KustomizeException("kubectl kustomize " + kustomization + " failed: "
            + new String(err.join(), StandardCharsets.UTF_8).strip());
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + kubectl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** kubectl from {@code -Dkubectl=...}, {@code $KUBECTL} or the PATH. */
  static String kubectl() {
    String configured = System.getProperty("kubectl", System.getenv("KUBECTL"));
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("kubectl", "kubectl.exe")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    throw new IllegalStateException("kubectl is not on the PATH: the Kubernetes manifests cannot be checked. "
        + "Install kubectl 1.32+ (it renders kustomizations offline) or point -Dkubectl=/path/to/kubectl at it.");
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** kustomize refused the kustomization (a missing file, a bad patch target, invalid YAML ...). */
  static final class KustomizeException extends RuntimeException {
    KustomizeException(String message) {
      super(message);
    }
  }
}
