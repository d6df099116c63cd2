/** Kafka side of the machine feature: MachineStateChanged out through the outbox, InverseOfferResponded in. */
package io.drydock.maintenance.machine.messaging;
