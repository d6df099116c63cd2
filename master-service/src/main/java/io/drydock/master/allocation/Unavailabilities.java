package io.drydock.master.allocation;

import io.drydock.allocator.maintenance.Unavailability;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Converts between the event contract's nanosecond unavailability and the allocator's. */
public final class Unavailabilities {

  private Unavailabilities() {}

  /** The allocator's form, or null for null. */
  public static Unavailability toAllocator(io.drydock.events.Unavailability u) {
    if (u == null) {
      return null;
    }
    return new Unavailability(Instant.ofEpochSecond(0, u.startNanos()),
        Optional.ofNullable(u.durationNanos()).map(Duration::ofNanos));
  }

  /** The event contract's form, or null for null. */
  public static io.drydock.events.Unavailability toEvent(Unavailability u) {
    if (u == null) {
      return null;
    }
    long start = u.start().getEpochSecond() * 1_000_000_000L + u.start().getNano();
    return new io.drydock.events.Unavailability(start, u.duration().map(Duration::toNanos).orElse(null));
  }
}
