package io.drydock.support.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Verifies against auth-service by asking it for a client-credentials token with the pair: 200 means
 * valid, 400/401 invalid (RFC 6749 §5.2 {@code invalid_client}), anything else or no answer
 * {@link VerificationUnavailableException}.
 */
public class RemoteCredentialVerifier implements CredentialVerifier {

  private final URI tokenEndpoint;
  private final HttpClient http;

  public RemoteCredentialVerifier(URI authServiceUrl) {
    String base = authServiceUrl.toString().replaceAll("/+$", "");
    this.tokenEndpoint = URI.create(base + "/oauth2/token");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public Result verify(String principal, String secret) {
    // RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding.
    String basic = Base64.getEncoder().encodeToString(
        (form(principal) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
        .timeout(Duration.ofSeconds(5))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
        .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 200) {
        return Result.VALID;
      }
      if (status == 400 || status == 401) {
        return Result.INVALID;
      }
      throw new VerificationUnavailableException("auth-service answered " + status, null);
    } catch (IOException e) {
      throw new VerificationUnavailableException("auth-service unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerificationUnavailableException("interrupted", e);
    }
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
