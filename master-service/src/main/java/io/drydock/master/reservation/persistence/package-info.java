/** The {@code master.agent_reservation} table (JPA, private to the feature). */
package io.drydock.master.reservation.persistence;
