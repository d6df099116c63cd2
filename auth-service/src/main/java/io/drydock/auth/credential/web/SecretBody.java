package io.drydock.auth.credential.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code {"secret":"..."}} strictly; messages never echo the secret. */
final class SecretBody {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SecretBody() {}

  static String parse(String body, int maxBytes) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("Expecting a body {\"secret\": \"...\"}");
    }
    if (body.length() > maxBytes) {
      throw new IllegalArgumentException("Request body too large: at most " + maxBytes + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Failed to parse body into JSON");
    }
    if (root == null || !root.isObject() || root.size() != 1 || root.get("secret") == null
        || !root.get("secret").isString()) {
      throw new IllegalArgumentException("Expecting a body {\"secret\": \"...\"} and nothing else");
    }
    return root.get("secret").stringValue();
  }
}
