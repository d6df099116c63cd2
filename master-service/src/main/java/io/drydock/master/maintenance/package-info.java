/**
 * Maintenance: the master follows {@code drydock.machine-state} (compacted, read from the beginning, so a
 * restarted master knows every machine's mode) and applies DRAINING / DOWN / UP to the agents.
 */
package io.drydock.master.maintenance;
