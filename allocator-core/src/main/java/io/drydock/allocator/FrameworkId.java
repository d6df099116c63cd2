package io.drydock.allocator;

/** A framework id. */
public record FrameworkId(String value) implements Comparable<FrameworkId> {

    public FrameworkId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("FrameworkId must not be empty");
        }
    }

    public static FrameworkId of(String value) {
        return new FrameworkId(value);
    }

    @Override
    public int compareTo(FrameworkId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
