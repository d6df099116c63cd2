/** maintenance-service: the maintenance schedule, machine modes and inverse-offer statuses, as in Mesos. */
package io.drydock.maintenance;
