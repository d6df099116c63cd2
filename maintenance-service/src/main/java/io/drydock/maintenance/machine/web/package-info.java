/** The Mesos maintenance endpoints: {@code /maintenance/schedule}, {@code /machine/down|up}, {@code /maintenance/status}. */
package io.drydock.maintenance.machine.web;
