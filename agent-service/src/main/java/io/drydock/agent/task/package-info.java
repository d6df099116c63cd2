/**
 * Tasks: command tasks as child processes in per-task sandboxes (or simulated tasks for a fleet), their
 * status updates queued until the master acknowledges them, and recovery from the work directory.
 */
package io.drydock.agent.task;
