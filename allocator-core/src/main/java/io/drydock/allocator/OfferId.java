package io.drydock.allocator;

/** An offer or inverse-offer id (one id space, as in Mesos); assigned by the allocator from a counter, so deterministic. */
public record OfferId(String value) implements Comparable<OfferId> {

    public OfferId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("OfferId must not be empty");
        }
    }

    public static OfferId of(String value) {
        return new OfferId(value);
    }

    @Override
    public int compareTo(OfferId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
