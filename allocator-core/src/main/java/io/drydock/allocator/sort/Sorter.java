package io.drydock.allocator.sort;

/**
 * Orders clients (roles, or the frameworks of one role) for allocation. Clients are named; roles may
 * be hierarchical ({@code a/b}). Only active clients are visited. A visitor must not change the
 * sorter it is iterating: callers collect their changes and apply them after the walk (this is also
 * the Mesos semantics, where the order is taken once per agent).
 *
 * @param <T> the payload handed to visitors
 */
public interface Sorter<T> {

    /** Visit callback; return false to stop the walk. */
    @FunctionalInterface
    interface Visitor<T> {
        boolean visit(T payload);
    }

    /** Adds an inactive client. */
    void add(String client, T payload);

    void remove(String client);

    boolean contains(String client);

    void activate(String client);

    void deactivate(String client);

    /** Sets the weight of a client or inner node (default 1.0). */
    void updateWeight(String path, double weight);

    /** Adds scalar allocation (thousandths, indexed by {@link ScalarTotals} name index). */
    void allocated(String client, long[] scalars);

    /** Removes scalar allocation; never below zero. */
    void unallocated(String client, long[] scalars);

    /** Walks active clients in order; returns false when the visitor stopped the walk. */
    boolean forEach(Visitor<T> visitor);

    /** Walks active clients at or below {@code path} in order. */
    boolean forEachUnder(String path, Visitor<T> visitor);

    /** The client's weighted dominant share (for tests and metrics); 0 for unknown clients. */
    double share(String client);
}
