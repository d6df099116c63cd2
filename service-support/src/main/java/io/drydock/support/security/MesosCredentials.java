package io.drydock.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Mesos's credentials file, {@code {"credentials":[{"principal":"p","secret":"s"}]}}, and
 * validates principals and secrets as Drydock stores them: a principal is 1–255 characters without
 * {@code :} or control characters; a secret is 1–72 bytes (bcrypt's limit).
 */
public final class MesosCredentials {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_PRINCIPAL = 255;
  private static final int MAX_SECRET_BYTES = 72;

  private MesosCredentials() {}

  /**
   * The credentials of a file, principal → secret, in file order.
   *
   * @throws IllegalArgumentException when the file is malformed or a credential is invalid
   */
  public static Map<String, String> read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read credentials from " + resource.getDescription(), e);
    }
  }

  /** Parses credentials JSON; see {@link #read}. */
  public static Map<String, String> parse(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Failed to parse credentials: " + e.getOriginalMessage());
    }
    JsonNode list = root == null || !root.isObject() ? null : root.get("credentials");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("Failed to parse credentials: expecting {\"credentials\":[...]}");
    }
    Map<String, String> credentials = new LinkedHashMap<>();
    for (JsonNode entry : list) {
      JsonNode principal = entry.get("principal");
      JsonNode secret = entry.get("secret");
      if (principal == null || !principal.isString() || secret == null || !secret.isString()) {
        throw new IllegalArgumentException("Failed to parse credentials: each needs a string 'principal' and 'secret'");
      }
      validatePrincipal(principal.stringValue());
      validateSecret(secret.stringValue());
      if (credentials.put(principal.stringValue(), secret.stringValue()) != null) {
        throw new IllegalArgumentException("Principal '" + principal.stringValue() + "' appears more than once");
      }
    }
    return credentials;
  }

  /** @throws IllegalArgumentException with a message fit for a 400 response */
  public static void validatePrincipal(String principal) {
    if (principal == null || principal.isEmpty() || principal.length() > MAX_PRINCIPAL) {
      throw new IllegalArgumentException("A principal must have 1 to " + MAX_PRINCIPAL + " characters");
    }
    if (principal.indexOf(':') >= 0 || principal.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("A principal must not contain ':' or control characters");
    }
  }

  /** @throws IllegalArgumentException with a message fit for a 400 response (never echoing the secret) */
  public static void validateSecret(String secret) {
    if (secret == null || secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
      throw new IllegalArgumentException("A secret must have 1 to " + MAX_SECRET_BYTES + " bytes (UTF-8)");
    }
  }
}
