package io.drydock.master.operator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Sends a maintenance v1 call unchanged (body, Content-Type, Accept, Authorization) to maintenance-service's
 * {@code /api/v1} and returns its answer (DESIGN.md §1: the master is the single front door).
 */
@Component
@EnableConfigurationProperties(OperatorProperties.class)
public class MaintenanceForwarder {

  private final OperatorProperties properties;
  private final HttpClient http;

  MaintenanceForwarder(OperatorProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.maintenanceTimeout()).build();
  }

  /** The relayed answer. */
  public record Answer(int status, String contentType, String body) {}

  /** @param headers request headers to pass on (null values are skipped) */
  public Answer forward(String body, Map<String, String> headers) {
    URI target = properties.maintenanceUrl().resolve("/api/v1");
    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(properties.maintenanceTimeout())
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach((name, value) -> {
      if (value != null) {
        request.header(name, value);
      }
    });
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(503, "text/plain", "Maintenance service unavailable: interrupted");
    } catch (java.io.IOException e) {
      return new Answer(503, "text/plain", "Maintenance service unavailable at " + target + ": " + e);
    }
  }
}
