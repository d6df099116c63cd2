package io.drydock.master.leader;

import java.util.Optional;

/**
 * This replica's view of the leadership. Only the leader acts: it runs the {@link LeaderOnly} components,
 * publishes offers and writes the registry; its {@link #epoch()} is stamped on every event it publishes and
 * checked by the database on every write it makes, so a deposed leader can change nothing.
 */
public interface Leadership {

  /** Whether this replica leads now. */
  boolean isLeader();

  /** The epoch this replica was elected with (0 while it has never led). */
  long epoch();

  /** The leader as last seen in the {@code leader} row (this replica when it leads); empty when none. */
  Optional<LeaderAddress> leader();

  /** Where the leader answers: its advertised host and HTTP port. */
  record LeaderAddress(String host, int port) {}
}
