/** The {@code master.task} table, written in JDBC batches (status updates are the hot path). */
package io.drydock.master.task.persistence;
