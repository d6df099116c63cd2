package io.drydock.maintenance.domain;

import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.Unavailability;

/**
 * One machine's mode or unavailability (re)applied by an operator call. A schedule POST re-applies the
 * unavailability of every machine it still contains, so {@code previousMode} may equal {@code mode}.
 *
 * @param unavailability the unavailability after the change, {@code null} when cleared (machine UP)
 */
public record MachineChange(MachineId machine, MachineMode previousMode, MachineMode mode, Unavailability unavailability) {}
