package io.drydock.master.allocation;

import io.drydock.allocator.InverseOfferStatus;
import io.drydock.events.MachineId;

/** A recorded answer to an inverse offer, with the machine of its agent. */
public record InverseOfferAnswer(InverseOfferStatus status, MachineId machine) {}
