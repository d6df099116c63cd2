package io.drydock.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope around every event on Kafka.
 *
 * @param eventId the idempotency key: consumers process each id at most once
 * @param type the payload's type name ({@link DrydockEvent#typeName()})
 * @param schemaVersion the payload's schema version; changes within a version are additive only
 * @param occurredAt when the state change that caused the event happened
 * @param epoch the master leader's epoch (fencing token) for master events, otherwise {@code null}
 * @param payload the event itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(
    UUID eventId,
    String type,
    int schemaVersion,
    Instant occurredAt,
    Long epoch,
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
        DrydockEvent payload) {

  /** The schema version every event of this release is written with. */
  public static final int SCHEMA_VERSION = 1;

  public Envelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(payload, "payload");
    if (type == null) {
      type = payload.typeName();
    } else if (!type.equals(payload.typeName())) {
      throw new IllegalArgumentException("type " + type + " does not match payload " + payload.typeName());
    }
  }

  /** A new envelope with a random event id, for events not stamped with a leader epoch. */
  public static Envelope of(DrydockEvent payload, Instant occurredAt) {
    return new Envelope(UUID.randomUUID(), payload.typeName(), SCHEMA_VERSION, occurredAt, null, payload);
  }

  /** A new envelope stamped with the master leader's epoch. */
  public static Envelope of(DrydockEvent payload, Instant occurredAt, long epoch) {
    return new Envelope(UUID.randomUUID(), payload.typeName(), SCHEMA_VERSION, occurredAt, epoch, payload);
  }
}
