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
 */
public final class HttpRealms {

  private static final List<String> ALWAYS_OPEN = List.of("/livez", "/readyz", "/actuator/health/**", "/error");

  private final List<Rule> rules;
  private final Realm fallback;

  private HttpRealms(List<Rule> rules, Realm fallback) {
    this.rules = List.copyOf(rules);
    this.fallback = fallback;
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
    String path = request.getRequestURI().substring(request.getContextPath().length());
    PathContainer container = PathContainer.parsePath(path);
    for (Rule rule : rules) {
      if ((rule.method == null || rule.method.matches(request.getMethod())) && rule.pattern.matches(container)) {
        return rule.realm;
      }
    }
    return fallback;
  }

  private record Rule(HttpMethod method, PathPattern pattern, Realm realm) {}

  /** Declares realms; rules are tried in declaration order, after the always-open paths. */
  public static final class Builder {

    private final List<Rule> rules = new ArrayList<>();
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

    public HttpRealms build() {
      return new HttpRealms(rules, fallback);
    }

    private void add(HttpMethod method, Realm realm, String pattern) {
      rules.add(new Rule(method, PathPatternParser.defaultInstance.parse(pattern), realm));
    }
  }
}
