package io.drydock.sdk;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Authorization} header for the master: HTTP Basic, or an OAuth2 client-credentials token
 * from auth-service, fetched lazily and refreshed a minute before it expires.
 */
final class Authorization {

  private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

  private final SchedulerOptions options;
  private final HttpClient http;
  private final JsonMapper json;
  private final Clock clock;
  private String token;
  private Instant expiresAt = Instant.MIN;

  Authorization(SchedulerOptions options, HttpClient http, JsonMapper json, Clock clock) {
    this.options = options;
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  /** The header value, or {@code null} when the framework has no credentials. */
  synchronized String header() throws IOException, InterruptedException {
    if (options.principal() == null) {
      return null;
    }
    if (options.tokenUrl() == null) {
      return "Basic " + basic();
    }
    if (token == null || clock.instant().isAfter(expiresAt.minus(REFRESH_MARGIN))) {
      fetchToken();
    }
    return "Bearer " + token;
  }

  /** Forgets the token, e.g. after the master answered 401. */
  synchronized void invalidate() {
    token = null;
  }

  private String basic() {
    return Base64.getEncoder().encodeToString(
        (options.principal() + ":" + options.secret()).getBytes(StandardCharsets.UTF_8));
  }

  private void fetchToken() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(options.tokenUrl())
        .header("Authorization", "Basic " + basic())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new MasterCallException(response.statusCode(), "token request refused: " + response.body());
    }
    JsonNode body = json.readTree(response.body());
    token = body.path("access_token").asString();
    long seconds = body.path("expires_in").asLong(300);
    expiresAt = clock.instant().plusSeconds(seconds);
  }
}
