package io.drydock.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The checked-out repository the deployment artefacts live in, as seen from deploy-check's tests. */
final class Repo {

  /** The four services, each with its Dockerfile, its {@code <service>.yml} and its port. */
  static final List<String> SERVICES =
      List.of("master-service", "agent-service", "maintenance-service", "auth-service");

  private Repo() {}

  static Path root() {
    String root = System.getProperty("drydock.root");
    Path path = root != null ? Path.of(root) : Path.of("..");
    return path.toAbsolutePath().normalize();
  }

  static String version() {
    String version = System.getProperty("drydock.version");
    if (version != null) {
      return version;
    }
    Matcher m = Pattern.compile("<artifactId>drydock-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(read(root().resolve("pom.xml")));
    if (!m.find()) {
      throw new IllegalStateException("no version in the root pom.xml");
    }
    return m.group(1);
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code server.port} in a service's own defaults file. */
  static int port(String service) {
    Path yml = root().resolve(service).resolve("src/main/resources").resolve(service + ".yml");
    Matcher m = Pattern.compile("(?m)^server:\\s*\\n(?:\\s+.*\\n)*?\\s+port:\\s*(\\d+)").matcher(read(yml));
    if (!m.find()) {
      throw new IllegalStateException("no server.port in " + yml);
    }
    return Integer.parseInt(m.group(1));
  }

  /** Copies a directory tree (for tests that break a copy of the artefacts). */
  static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code from} by {@code to} in a file, failing when the file does not contain it. */
  static void replaceIn(Path file, String from, String to) {
    String text = read(file);
    if (!text.contains(from)) {
      throw new IllegalStateException(file + " does not contain '" + from + "': the broken copy would not be broken");
    }
    try {
      Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
