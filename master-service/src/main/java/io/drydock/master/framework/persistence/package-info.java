/** The {@code master.framework} table. */
package io.drydock.master.framework.persistence;
