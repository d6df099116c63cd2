/**
 * Tasks: the registry of launched tasks (persisted in {@code master.task}), their state machine, and the
 * TaskStatusUpdate events published on the framework topics through the transactional outbox.
 */
package io.drydock.master.task;
