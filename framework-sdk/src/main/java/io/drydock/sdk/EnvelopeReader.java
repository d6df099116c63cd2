package io.drydock.sdk;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.drydock.events.DrydockEvent;
import io.drydock.events.Envelope;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link Envelope}s from their JSON text. Envelopes are written with {@code type} before
 * {@code payload}, so the payload is read straight into its record; only an envelope written in another
 * order goes through Jackson's buffering of an external type id (about twice the work). Unknown fields
 * are ignored, so additive schema changes do not break older readers.
 */
final class EnvelopeReader {

  /** The payload records by type name, as {@link DrydockEvent}'s {@code @JsonSubTypes} names them. */
  private static final Map<String, Class<?>> TYPES = Arrays.stream(
          DrydockEvent.class.getAnnotation(JsonSubTypes.class).value())
      .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::name, JsonSubTypes.Type::value));

  private final JsonMapper json;
  private final ObjectReader instants;
  private final Map<String, ObjectReader> payloads = new HashMap<>();

  EnvelopeReader() {
    this(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
  }

  /** @param json the mapper to read with; it should ignore unknown properties */
  EnvelopeReader(JsonMapper json) {
    this.json = json;
    this.instants = inPlace(json, Instant.class);
    TYPES.forEach((name, type) -> payloads.put(name, inPlace(json, type)));
  }

  /** A reader of one value in the middle of a document (the envelope's fields follow it). */
  private static ObjectReader inPlace(JsonMapper json, Class<?> type) {
    return json.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Reads one envelope.
   *
   * @return the envelope, or {@code null} for the JSON text {@code null}
   * @throws tools.jackson.core.JacksonException when the text is not JSON or does not fit the envelope
   * @throws IllegalArgumentException when a field has an invalid value (e.g. a type that does not match
   *     the payload)
   * @throws NullPointerException when a required field is missing
   */
  Envelope read(String text) {
    try (JsonParser parser = json.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        return json.readValue(text, Envelope.class);
      }
      UUID eventId = null;
      String type = null;
      int schemaVersion = 0;
      Instant occurredAt = null;
      Long epoch = null;
      DrydockEvent payload = null;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (name) {
          case "eventId" -> eventId = UUID.fromString(parser.getString());
          case "type" -> type = parser.getString();
          case "schemaVersion" -> schemaVersion = parser.getIntValue();
          case "occurredAt" -> occurredAt = instants.readValue(parser);
          case "epoch" -> epoch = parser.getLongValue();
          case "payload" -> {
            ObjectReader payloadReader = type == null ? null : payloads.get(type);
            if (payloadReader == null) {
              // payload before its type, or a type this release does not know: Jackson's general path
              return json.readValue(text, Envelope.class);
            }
            payload = payloadReader.readValue(parser);
          }
          default -> parser.skipChildren();
        }
      }
      return new Envelope(eventId, type, schemaVersion, occurredAt, epoch, payload);
    }
  }
}
