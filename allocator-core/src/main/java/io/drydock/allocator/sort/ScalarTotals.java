package io.drydock.allocator.sort;

import java.util.HashMap;
import java.util.Map;

/**
 * Cluster-wide scalar totals shared by all sorters, indexed by a dense scalar-name index, plus a
 * version bumped on every change so sorters know to recompute shares lazily. {@code cpus}, {@code mem},
 * {@code disk} and {@code gpus} are indices 0..3; other scalar names get the next free index, up to
 * {@link #CAPACITY}.
 */
public final class ScalarTotals {

    /** Maximum number of distinct scalar resource names. */
    public static final int CAPACITY = 16;

    private final Map<String, Integer> index = new HashMap<>();
    private final String[] names = new String[CAPACITY];
    private final long[] totals = new long[CAPACITY];
    private int size;
    private long version;

    public ScalarTotals() {
        for (String n : new String[] {"cpus", "mem", "disk", "gpus"}) {
            indexOf(n);
        }
    }

    /** The index of a scalar name, assigning one if new. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i != null) {
            return i;
        }
        if (size == CAPACITY) {
            throw new IllegalStateException("More than " + CAPACITY + " distinct scalar resource names");
        }
        names[size] = name;
        index.put(name, size);
        return size++;
    }

    /** The index of a known name, or -1. */
    public int find(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public String name(int i) {
        return names[i];
    }

    public int size() {
        return size;
    }

    public long total(int i) {
        return totals[i];
    }

    public long version() {
        return version;
    }

    public void add(long[] delta, int sign) {
        for (int i = 0; i < size; i++) {
            totals[i] += sign * delta[i];
        }
        version++;
    }
}
