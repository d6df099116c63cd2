package io.drydock.master.state;

import io.drydock.master.operation.OperatorAudit;
import io.drydock.master.operation.OperatorChange;
import io.drydock.master.operator.OperatorProperties;
import io.drydock.support.security.DrydockSecurityProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/**
 * The audit trails the console shows, read through the master so a browser needs one origin (no CORS):
 * the master's own operator changes (weights, quota, reservations, volumes), and read-only relays of
 * maintenance-service's {@code GET /maintenance/audit} and auth-service's {@code GET /audit} with the
 * caller's {@code Authorization} passed on unchanged, so each service decides who may read its trail.
 */
@Component
public class AuditRelay {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final OperatorAudit operatorAudit;
  private final OperatorProperties operator;
  private final DrydockSecurityProperties security;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  AuditRelay(OperatorAudit operatorAudit, OperatorProperties operator, DrydockSecurityProperties security) {
    this.operatorAudit = operatorAudit;
    this.operator = operator;
    this.security = security;
  }

  /** A relayed answer. */
  public record Answer(int status, String contentType, String body) {}

  /** Whether the principal may read the master's operator changes (an operator, or security is off). */
  public boolean mayReadOperatorChanges(String principal) {
    return security.isOperator(principal);
  }

  /** The master's newest operator changes. */
  public List<OperatorChange> operatorChanges(int limit) {
    return operatorAudit.latest(limit);
  }

  /** maintenance-service's audit trail. */
  public Answer maintenance(Map<String, String> query, String authorization) {
    return get(operator.maintenanceUrl(), "/maintenance/audit", query, authorization, "Maintenance service");
  }

  /** auth-service's audit trail (every audited request of the suite). */
  public Answer auth(Map<String, String> query, String authorization) {
    if (security.authServiceUrl() == null) {
      return new Answer(503, "text/plain", "No auth-service URL configured (drydock.security.auth-service-url)");
    }
    return get(security.authServiceUrl(), "/audit", query, authorization, "Auth service");
  }

  private Answer get(URI base, String path, Map<String, String> query, String authorization, String what) {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((k, v) -> {
      if (v != null) {
        q.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    URI target = base.resolve(path + q);
    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT).GET()
        .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(503, "text/plain", what + " unavailable: interrupted");
    } catch (IOException e) {
      return new Answer(503, "text/plain", what + " unavailable at " + target + ": " + e);
    }
  }
}
