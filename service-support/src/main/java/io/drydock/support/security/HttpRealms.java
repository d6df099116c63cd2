package io.drydock.support.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which realm each request of a service is in: the first declared rule that matches, else the default
 * ({@link Realm#READWRITE}). {@code /livez}, {@code /readyz}, {@code /actuator/health/**} and
 * {@code /error} are always {@link Realm#OPEN}. A service declares its rules as a bean in its own
 * {@code security} feature package:
 *
 * <pre>
 * &#64;Bean HttpRealms httpRealms() {
 *   return HttpRealms.builder().readOnly("/maintenance/status", "/master/maintenance/status").build();
 * }
 * </pre>
 *
 * <p>A service may also declare machine traffic that is not audited when allowed ({@link
 * Builder#unaudited}): the agent protocol and the v1 scheduler API run at thousands of calls per second and
 * are recorded in the services' own registries. Refused requests (401, 403) are audited everywhere.
 */
public final class HttpRealms {

  private static final List<String> ALWAYS_OPEN = List.of("/livez", "/readyz", "/actuator/health/**", "/error");

  private final List<Rule> rules;
  private final Realm fallback;
  private final List<PathPattern> unaudited;

  private HttpRealms(List<Rule> rules, Realm fallback, List<PathPattern> unaudited) {
    this.rules = List.copyOf(rules);
    this.fallback = fallback;
    this.unaudited = List.copyOf(unaudited);
  }

  /** Everything read-write except the always-open paths. */
  public static HttpRealms defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The realm of this request. */
  public Realm realmOf(HttpServletRequest request) {
    PathContainer container = PathContainer.parsePath(path(request));
    for (Rule rule : rules) {
      if ((rule.method == null || rule.method.matches(request.getMethod())) && rule.pattern.matches(container)) {
        return rule.realm;
      }
    }
    return fallback;
  }

  /** Whether this request is audited when it is allowed (refused requests always are). */
  public boolean auditsAllowed(HttpServletRequest request) {
    if (unaudited.isEmpty()) {
      return true;
    }
    PathContainer container = PathContainer.parsePath(path(request));
    for (PathPattern pattern : unaudited) {
      if (pattern.matches(container)) {
        return false;
      }
    }
    return true;
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private record Rule(HttpMethod method, PathPattern pattern, Realm realm) {}

  /** Declares realms; rules are tried in declaration order, after the always-open paths. */
  public static final class Builder {

    private final List<Rule> rules = new ArrayList<>();
    private final List<PathPattern> unaudited = new ArrayList<>();
    private Realm fallback = Realm.READWRITE;

    private Builder() {
      ALWAYS_OPEN.forEach(path -> add(null, Realm.OPEN, path));
    }

    /** These path patterns ({@code /a/**}) are in the realm, for every method. */
    public Builder realm(Realm realm, String... patterns) {
      for (String pattern : patterns) {
        add(null, realm, pattern);
      }
      return this;
    }

    /** These path patterns are in the realm for this method only. */
    public Builder realm(HttpMethod method, Realm realm, String... patterns) {
      for (String pattern : patterns) {
        add(method, realm, pattern);
      }
      return this;
    }

    public Builder readOnly(String... patterns) {
      return realm(Realm.READONLY, patterns);
    }

    public Builder open(String... patterns) {
      return realm(Realm.OPEN, patterns);
    }

    /** The realm of requests no rule matches (default {@link Realm#READWRITE}). */
    public Builder otherwise(Realm realm) {
      this.fallback = realm;
      return this;
    }

    /**
     * Allowed writes to these path patterns are not audited (high-rate machine traffic such as the agent
     * protocol); refused ones (401, 403) still are.
     */
    public Builder unaudited(String... patterns) {
      for (String pattern : patterns) {
        unaudited.add(PathPatternParser.defaultInstance.parse(pattern));
      }
      return this;
    }

    public HttpRealms build() {
      return new HttpRealms(rules, fallback, unaudited);
    }

    private void add(HttpMethod method, Realm realm, String pattern) {
      rules.add(new Rule(method, PathPatternParser.defaultInstance.parse(pattern), realm));
    }
  }
}
