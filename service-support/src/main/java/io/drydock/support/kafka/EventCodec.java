package io.drydock.support.kafka;

import io.drydock.events.Envelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads {@link Envelope}s as JSON text, the form in which they sit in the outbox and travel
 * on Kafka. Unknown fields are ignored, so additive schema changes do not break older consumers.
 */
public final class EventCodec {

  private final JsonMapper json;

  public EventCodec() {
    this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  public String write(Envelope envelope) {
    return json.writeValueAsString(envelope);
  }

  /**
   * Reads an envelope.
   *
   * @throws MalformedEventException when the text is not a valid envelope
   */
  public Envelope read(String text) {
    try {
      Envelope envelope = json.readValue(text, Envelope.class);
      if (envelope == null) {
        throw new MalformedEventException("empty event");
      }
      return envelope;
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw new MalformedEventException(e.getMessage());
    }
  }

  /** A record on Kafka that is not a readable Drydock event. */
  public static final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
      super(message);
    }
  }
}
