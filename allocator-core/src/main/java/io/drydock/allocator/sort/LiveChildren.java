package io.drydock.allocator.sort;

import java.util.Arrays;

/**
 * The live children of one {@link DrfSorter} node in DRF order, as parallel arrays (structure of
 * arrays): the sort keys (share, allocation count, name rank) sit next to each other, so re-positioning
 * a child after an allocation is a binary search over contiguous memory plus an array shift, and a walk
 * reads the children without chasing tree pointers. A child's keys are copied in when it is added; the
 * sorter removes a child before changing its keys and adds it back after.
 */
final class LiveChildren<T> {

    private DrfSorter.Node<T>[] nodes;
    /** The payload of client children (null for inner nodes), so a walk need not read the nodes. */
    private Object[] payloads;
    private double[] shares;
    private long[] counts;
    private int[] ranks;
    private int size;

    @SuppressWarnings("unchecked")
    LiveChildren() {
        nodes = (DrfSorter.Node<T>[]) new DrfSorter.Node<?>[2];
        payloads = new Object[2];
        shares = new double[2];
        counts = new long[2];
        ranks = new int[2];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    DrfSorter.Node<T> get(int i) {
        return nodes[i];
    }

    /** The payload of child {@code i} when it is a client, else null. */
    @SuppressWarnings("unchecked")
    T payload(int i) {
        return (T) payloads[i];
    }

    void clear() {
        Arrays.fill(nodes, 0, size, null);
        Arrays.fill(payloads, 0, size, null);
        size = 0;
    }

    void add(DrfSorter.Node<T> n) {
        if (size == nodes.length) {
            int capacity = size * 2;
            nodes = Arrays.copyOf(nodes, capacity);
            payloads = Arrays.copyOf(payloads, capacity);
            shares = Arrays.copyOf(shares, capacity);
            counts = Arrays.copyOf(counts, capacity);
            ranks = Arrays.copyOf(ranks, capacity);
        }
        int pos = search(n.share, n.count, n.rank);
        if (pos < 0) {
            pos = -pos - 1;
        }
        int tail = size - pos;
        if (tail > 0) {
            System.arraycopy(nodes, pos, nodes, pos + 1, tail);
            System.arraycopy(payloads, pos, payloads, pos + 1, tail);
            System.arraycopy(shares, pos, shares, pos + 1, tail);
            System.arraycopy(counts, pos, counts, pos + 1, tail);
            System.arraycopy(ranks, pos, ranks, pos + 1, tail);
        }
        nodes[pos] = n;
        payloads[pos] = n.client ? n.payload : null;
        shares[pos] = n.share;
        counts[pos] = n.count;
        ranks[pos] = n.rank;
        size++;
    }

    /** Removes {@code n} (found by the keys it was added with); false when it is not here. */
    boolean remove(DrfSorter.Node<T> n) {
        int pos = search(n.share, n.count, n.rank);
        if (pos < 0 || nodes[pos] != n) {
            pos = -1;
            for (int i = 0; i < size; i++) {
                if (nodes[i] == n) {
                    pos = i;
                    break;
                }
            }
            if (pos < 0) {
                return false;
            }
        }
        int tail = size - pos - 1;
        if (tail > 0) {
            System.arraycopy(nodes, pos + 1, nodes, pos, tail);
            System.arraycopy(payloads, pos + 1, payloads, pos, tail);
            System.arraycopy(shares, pos + 1, shares, pos, tail);
            System.arraycopy(counts, pos + 1, counts, pos, tail);
            System.arraycopy(ranks, pos + 1, ranks, pos, tail);
        }
        nodes[--size] = null;
        payloads[size] = null;
        return true;
    }

    /** Binary search by (share, count, rank): the index of an equal key, or -(insertion point) - 1. */
    private int search(double share, long count, int rank) {
        int lo = 0;
        int hi = size - 1;
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
                return mid;
            }
        }
        return -(lo + 1);
    }
}
