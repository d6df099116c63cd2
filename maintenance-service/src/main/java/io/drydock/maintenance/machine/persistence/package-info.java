/** The maintenance schema's machine tables behind {@link io.drydock.maintenance.machine.persistence.MaintenanceStore}. */
package io.drydock.maintenance.machine.persistence;
