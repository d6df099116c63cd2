package io.drydock.allocator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told. */
final class FakeClock extends Clock {

    private Instant now;

    FakeClock(Instant start) {
        this.now = start;
    }

    FakeClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
