/** The machine-state consumer. */
package io.drydock.master.maintenance.messaging;
