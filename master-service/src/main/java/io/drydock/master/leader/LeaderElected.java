package io.drydock.master.leader;

/**
 * Published (synchronously, on the election thread) when this replica becomes leader, before the
 * {@link LeaderOnly} components start and before it answers requests: the moment to rebuild in-memory
 * state from the registry. Published once per replica; a leader that loses the lock and takes it back with
 * its epoch unchanged resumes without it.
 *
 * @param epoch the new epoch
 */
public record LeaderElected(long epoch) {}
