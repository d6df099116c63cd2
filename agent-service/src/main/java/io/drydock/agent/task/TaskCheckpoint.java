package io.drydock.agent.task;

import io.drydock.agentprotocol.LaunchTasks;

/**
 * What a real agent remembers of a task in {@code <work-dir>/meta/tasks/<framework>/<task>/task.json}, to
 * recover it after a restart.
 *
 * @param pid the wrapper process's pid, 0 before it started
 * @param processStartMillis the process's start time (epoch millis), to tell it from a later process with the
 *     same pid; 0 when unknown
 */
record TaskCheckpoint(String frameworkId, LaunchTasks.Task task, String state, boolean killRequested, long pid,
    long processStartMillis) {}
