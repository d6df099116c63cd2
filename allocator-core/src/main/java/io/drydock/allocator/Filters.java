package io.drydock.allocator;

import java.time.Duration;

/**
 * Mesos {@code Filters} on decline / accept / inverse-offer responses.
 *
 * @param refuseSeconds the requested {@code refuse_seconds}; {@code null} when the scheduler omitted
 *                      {@code filters} (the proto default 5 s then applies)
 */
public record Filters(Double refuseSeconds) {

    /** The proto default refuse_seconds, 5 s. */
    public static final double DEFAULT_REFUSE_SECONDS = 5.0;
    /** Filters omitted: 5 s applies. */
    public static final Filters DEFAULT = new Filters(null);
    /** refuse_seconds 0: no filter. */
    public static final Filters NONE = new Filters(0.0);

    private static final double MAX_SECONDS = Duration.ofDays(365).toSeconds();

    public static Filters refuseSeconds(double seconds) {
        return new Filters(seconds);
    }

    /**
     * The effective refuse duration: omitted, negative or NaN → 5 s; more than 365 days → 365 days;
     * 0 → zero (no filter).
     */
    public Duration refuse() {
        double s = refuseSeconds == null || refuseSeconds.isNaN() || refuseSeconds < 0
                ? DEFAULT_REFUSE_SECONDS : Math.min(refuseSeconds, MAX_SECONDS);
        return Duration.ofNanos((long) (s * 1e9));
    }

    /**
     * Offer-filter duration (Mesos {@code recoverResources}): zero stays zero (no filter), anything
     * else is stretched to at least one allocation interval.
     */
    public Duration offerFilter(Duration allocationInterval) {
        Duration d = refuse();
        return d.isZero() ? d : (d.compareTo(allocationInterval) < 0 ? allocationInterval : d);
    }
}
