package io.drydock.events;

/** A machine's maintenance mode, as in Mesos. */
public enum MachineMode {
  UP,
  DRAINING,
  DOWN
}
