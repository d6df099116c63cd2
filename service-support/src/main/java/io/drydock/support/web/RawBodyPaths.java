package io.drydock.support.web;

import java.util.Set;

/**
 * Paths whose handlers read the request body themselves whatever its {@code Content-Type} (as Mesos's
 * maintenance endpoints parse the body as JSON even when {@code curl -d} labels it
 * {@code application/x-www-form-urlencoded}). A service declares them as a bean; {@link RequestHygieneFilter}
 * then checks only the query string there and leaves the body unread, so the handler still gets it. Every
 * other path keeps the full check of query string and form body.
 *
 * @param paths exact request paths (without the context path)
 */
public record RawBodyPaths(Set<String> paths) {

  public RawBodyPaths {
    paths = Set.copyOf(paths);
  }

  public static RawBodyPaths of(String... paths) {
    return new RawBodyPaths(Set.of(paths));
  }

  boolean matches(String path) {
    return paths.contains(path);
  }
}
