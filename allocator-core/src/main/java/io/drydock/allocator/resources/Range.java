package io.drydock.allocator.resources;

/**
 * An inclusive range of a RANGES resource, {@code begin <= end}.
 */
public record Range(long begin, long end) implements Comparable<Range> {

    public Range {
        if (begin > end) {
            throw new IllegalArgumentException("Invalid range [" + begin + "-" + end + "]: begin > end");
        }
    }

    public long size() {
        return end - begin + 1;
    }

    @Override
    public int compareTo(Range o) {
        return begin != o.begin ? Long.compare(begin, o.begin) : Long.compare(end, o.end);
    }

    @Override
    public String toString() {
        return begin + "-" + end;
    }
}
