package io.drydock.allocator.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A maintenance window: from {@code start}, for {@code duration} (absent = indefinitely).
 * The start is not validated (as in Mesos); a negative duration is rejected.
 */
public record Unavailability(Instant start, Optional<Duration> duration) {

    public Unavailability {
        if (duration.isPresent() && duration.get().isNegative()) {
            throw new IllegalArgumentException("Unavailability duration must not be negative");
        }
    }

    public static Unavailability from(Instant start, Duration duration) {
        return new Unavailability(start, Optional.ofNullable(duration));
    }

    /** True when the window has not ended at {@code now} and starts no later than {@code now + lookahead}. */
    public boolean startsWithin(Instant now, Duration lookahead) {
        if (duration.isPresent() && !start.plus(duration.get()).isAfter(now)) {
            return false;
        }
        return !start.isAfter(now.plus(lookahead));
    }
}
