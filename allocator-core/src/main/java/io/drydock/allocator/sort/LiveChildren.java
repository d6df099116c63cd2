package io.drydock.allocator.sort;

import java.util.Arrays;

/**
 * The live children of one {@link DrfSorter} node in DRF order, as parallel arrays (structure of
 * arrays): the sort keys (share, allocation count, name rank) sit next to each other, so re-positioning
 * a child after an allocation is a binary search over contiguous memory plus an array shift, and a walk
 * reads the children without chasing tree pointers. A child's keys are copied in when it is added; the
 * sorter removes a child before changing its keys and adds it back after.
 * <p>The children occupy the window {@code [start, start + size)} of arrays with free room on both
 * sides, and an insertion or removal shifts whichever side of the position is shorter. DRF moves the
 * child just allocated to from near the front to near the back, so both shifts are short, instead of
 * moving every sibling twice; when the window reaches an end of the arrays it is re-centred (one copy,
 * amortized over at least {@code size / 2} shifts towards that end).
 */
final class LiveChildren<T> {

    private DrfSorter.Node<T>[] nodes;
    /** The payload of client children (null for inner nodes), so a walk need not read the nodes. */
    private Object[] payloads;
    private double[] shares;
    private long[] counts;
    private int[] ranks;
    private int start;
    private int size;

    private static final DrfSorter.Node<?>[] NO_NODES = {};
    private static final Object[] NO_PAYLOADS = {};
    private static final double[] NO_SHARES = {};
    private static final long[] NO_COUNTS = {};
    private static final int[] NO_RANKS = {};

    /** Empty and without arrays until the first add (most nodes are leaves and never have children). */
    @SuppressWarnings("unchecked")
    LiveChildren() {
        nodes = (DrfSorter.Node<T>[]) NO_NODES;
        payloads = NO_PAYLOADS;
        shares = NO_SHARES;
        counts = NO_COUNTS;
        ranks = NO_RANKS;
    }

    @SuppressWarnings("unchecked")
    private void allocate(int capacity) {
        nodes = (DrfSorter.Node<T>[]) new DrfSorter.Node<?>[capacity];
        payloads = new Object[capacity];
        shares = new double[capacity];
        counts = new long[capacity];
        ranks = new int[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    DrfSorter.Node<T> get(int i) {
        return nodes[start + i];
    }

    /** The payload of child {@code i} when it is a client, else null. */
    @SuppressWarnings("unchecked")
    T payload(int i) {
        return (T) payloads[start + i];
    }

    void clear() {
        Arrays.fill(nodes, start, start + size, null);
        Arrays.fill(payloads, start, start + size, null);
        size = 0;
        start = nodes.length / 2;
    }

    /** Replaces the children by {@code sorted} (already in DRF order), centred in the arrays. */
    void fill(java.util.List<DrfSorter.Node<T>> sorted) {
        clear();
        int count = sorted.size();
        if (2 * count > nodes.length) {
            allocate(Math.max(4, Integer.highestOneBit(Math.max(1, 2 * count - 1)) << 1));
        }
        start = (nodes.length - count) / 2;
        for (int i = 0; i < count; i++) {
            DrfSorter.Node<T> n = sorted.get(i);
            int at = start + i;
            nodes[at] = n;
            payloads[at] = n.client ? n.payload : null;
            shares[at] = n.share;
            counts[at] = n.count;
            ranks[at] = n.rank;
        }
        size = count;
    }

    void add(DrfSorter.Node<T> n) {
        if (2 * (size + 1) > nodes.length) {
            recenter(Math.max(4, nodes.length * 2));
        }
        int pos = searchFromBack(n.share, n.count, n.rank);
        if (pos < 0) {
            pos = -pos - 1;
        }
        boolean left = pos < size - pos;
        if (left ? start == 0 : start + size == nodes.length) {
            recenter(nodes.length);
        }
        int at;
        if (left) {
            // Shift the children before the position one to the left.
            move(start, start - 1, pos);
            start--;
            at = start + pos;
        } else {
            at = start + pos;
            move(at, at + 1, size - pos);
        }
        nodes[at] = n;
        payloads[at] = n.client ? n.payload : null;
        shares[at] = n.share;
        counts[at] = n.count;
        ranks[at] = n.rank;
        size++;
    }

    /** Removes {@code n} (found by the keys it was added with); false when it is not here. */
    boolean remove(DrfSorter.Node<T> n) {
        return remove(n, -1);
    }

    /** As {@link #remove(DrfSorter.Node)}, trying position {@code hint} (from a walk) before searching. */
    boolean remove(DrfSorter.Node<T> n, int hint) {
        int pos = hint >= 0 && hint < size && nodes[start + hint] == n ? hint : search(n.share, n.count, n.rank);
        if (pos < 0 || nodes[start + pos] != n) {
            pos = -1;
            for (int i = 0; i < size; i++) {
                if (nodes[start + i] == n) {
                    pos = i;
                    break;
                }
            }
            if (pos < 0) {
                return false;
            }
        }
        int vacated;
        if (pos < size - pos - 1) {
            // Shift the children before the position one to the right.
            move(start, start + 1, pos);
            vacated = start;
            start++;
        } else {
            move(start + pos + 1, start + pos, size - pos - 1);
            vacated = start + size - 1;
        }
        nodes[vacated] = null;
        payloads[vacated] = null;
        size--;
        return true;
    }

    /** Copies {@code length} children from array index {@code from} to {@code to} in all arrays. */
    private void move(int from, int to, int length) {
        if (length > 0) {
            System.arraycopy(nodes, from, nodes, to, length);
            System.arraycopy(payloads, from, payloads, to, length);
            System.arraycopy(shares, from, shares, to, length);
            System.arraycopy(counts, from, counts, to, length);
            System.arraycopy(ranks, from, ranks, to, length);
        }
    }

    /** Moves the window to the middle of arrays of {@code capacity} (the same or larger). */
    private void recenter(int capacity) {
        int newStart = (capacity - size) / 2;
        if (capacity != nodes.length) {
            DrfSorter.Node<T>[] oldNodes = nodes;
            Object[] oldPayloads = payloads;
            double[] oldShares = shares;
            long[] oldCounts = counts;
            int[] oldRanks = ranks;
            allocate(capacity);
            System.arraycopy(oldNodes, start, nodes, newStart, size);
            System.arraycopy(oldPayloads, start, payloads, newStart, size);
            System.arraycopy(oldShares, start, shares, newStart, size);
            System.arraycopy(oldCounts, start, counts, newStart, size);
            System.arraycopy(oldRanks, start, ranks, newStart, size);
        } else if (newStart != start) {
            move(start, newStart, size);
            int oldStart = start;
            // Clear the references the window no longer covers.
            int clearFrom = newStart < oldStart ? Math.max(newStart + size, oldStart) : oldStart;
            int clearTo = newStart < oldStart ? oldStart + size : Math.min(newStart, oldStart + size);
            Arrays.fill(nodes, clearFrom, clearTo, null);
            Arrays.fill(payloads, clearFrom, clearTo, null);
        }
        start = newStart;
    }

    /**
     * As {@link #search}, but galloping from the back first: a child that was just allocated to usually
     * belongs near the back, which this finds in O(log distance) comparisons.
     */
    private int searchFromBack(double share, long count, int rank) {
        int end = start + size;
        int step = 1;
        int hi = end - 1;
        while (hi >= start && compare(hi, share, count, rank) > 0) {
            end = hi;
            hi = end - 1 - step;
            step <<= 1;
        }
        // Every child at index >= end sorts after the key; every child at index <= hi (if any) does not.
        return search(Math.max(start, hi), end - 1, share, count, rank);
    }

    private int compare(int i, double share, long count, int rank) {
        int c = Double.compare(shares[i], share);
        if (c == 0) {
            c = Long.compare(counts[i], count);
            if (c == 0) {
                c = Integer.compare(ranks[i], rank);
            }
        }
        return c;
    }

    private int search(double share, long count, int rank) {
        return search(start, start + size - 1, share, count, rank);
    }

    /**
     * Binary search by (share, count, rank) within array indices [lo, hi]: the index (from start) of an
     * equal key, or -(insertion point from start) - 1.
     */
    private int search(int lo, int hi, double share, long count, int rank) {
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Double.compare(shares[mid], share);
            if (c == 0) {
                c = Long.compare(counts[mid], count);
                if (c == 0) {
                    c = Integer.compare(ranks[mid], rank);
                }
            }
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid - start;
            }
        }
        return -(lo - start + 1);
    }
}
