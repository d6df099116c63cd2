/** Machine maintenance modes and unavailabilities as the master last learned them from maintenance-service. */
package io.drydock.master.machine;
