package io.drydock.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;

/**
 * A Drydock event payload. The concrete type is named by the envelope's {@code type} field, which is the
 * simple name of the record (e.g. {@code MachineStateChanged}).
 */
@JsonSubTypes({
    @JsonSubTypes.Type(value = OfferEvent.class, name = "OfferEvent"),
    @JsonSubTypes.Type(value = OfferRescinded.class, name = "OfferRescinded"),
    @JsonSubTypes.Type(value = InverseOfferEvent.class, name = "InverseOfferEvent"),
    @JsonSubTypes.Type(value = InverseOfferRescinded.class, name = "InverseOfferRescinded"),
    @JsonSubTypes.Type(value = TaskStatusUpdate.class, name = "TaskStatusUpdate"),
    @JsonSubTypes.Type(value = FrameworkError.class, name = "FrameworkError"),
    @JsonSubTypes.Type(value = MachineStateChanged.class, name = "MachineStateChanged"),
    @JsonSubTypes.Type(value = InverseOfferResponded.class, name = "InverseOfferResponded"),
    @JsonSubTypes.Type(value = AclsChanged.class, name = "AclsChanged"),
    @JsonSubTypes.Type(value = AgentRegistered.class, name = "AgentRegistered")
})
public sealed interface DrydockEvent
    permits OfferEvent, OfferRescinded, InverseOfferEvent, InverseOfferRescinded, TaskStatusUpdate,
        FrameworkError, MachineStateChanged, InverseOfferResponded, AclsChanged, AgentRegistered {

  /** The Kafka record key: events with the same key stay in order (and compact together). */
  @JsonIgnore
  String partitionKey();

  /** The event type name written to the envelope's {@code type} field. */
  @JsonIgnore
  default String typeName() {
    return getClass().getSimpleName();
  }
}
