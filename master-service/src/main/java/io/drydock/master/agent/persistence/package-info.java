/** The {@code master.agent} table. */
package io.drydock.master.agent.persistence;
