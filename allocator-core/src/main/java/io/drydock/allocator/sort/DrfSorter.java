package io.drydock.allocator.sort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted DRF sorter (Mesos {@code DRFSorter}). share = max over scalar names with a positive
 * cluster total of allocation / total, divided by the weight. Order: ascending share, then fewer
 * allocations (cumulative count of {@link #allocated} calls), then name. Hierarchical when built so:
 * siblings are sorted at each level and active leaves listed depth first; a client that also has
 * sub-clients competes with them through a virtual {@code <path>/.} leaf, as in Mesos.
 * <p>Incremental: an allocation change re-positions only the nodes on the client's path
 * (O(depth · log n) comparisons over {@link LiveChildren}' key arrays, plus an array shift); a change
 * of cluster totals marks all shares stale and they are recomputed on the next walk. Names are
 * compared through a rank (the node's position among all paths in name order), recomputed lazily
 * after nodes are added.
 */
public final class DrfSorter<T> implements Sorter<T> {

    private static final Comparator<Node<?>> ORDER = (a, b) -> {
        int c = Double.compare(a.share, b.share);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.count, b.count);
        return c != 0 ? c : Integer.compare(a.rank, b.rank);
    };

    private static final Comparator<Node<?>> BY_PATH = (a, b) -> a.path.compareTo(b.path);

    private final boolean hierarchical;
    private final ScalarTotals totals;
    private final Node<T> root = new Node<>("", null);
    private final Map<String, Node<T>> nodes = new HashMap<>();
    private final Map<String, Node<T>> clients = new HashMap<>();
    private final Map<String, Double> weights = new HashMap<>();
    private long seenVersion = -1;
    private boolean ranksStale;
    /**
     * The client node last looked up or visited: an allocation follows the visit of the client it goes
     * to, so this usually spares the name lookup (matched by the identity of the name string).
     */
    private Node<T> recent;
    /** The position of {@link #recent} among its parent's live children when it was visited (a hint). */
    private int recentIndex = -1;
    /** Incremental (de)activations since the last walk; past a bound the next walk re-sorts instead. */
    private int activityChanges;
    private static final int ACTIVITY_CHANGES_BEFORE_RESORT = 64;

    public DrfSorter(ScalarTotals totals, boolean hierarchical) {
        this.totals = totals;
        this.hierarchical = hierarchical;
    }

    static final class Node<T> {
        final String path;
        Node<T> parent;
        final Map<String, Node<T>> children = new HashMap<>(2);
        final LiveChildren<T> live = new LiveChildren<>();
        T payload;
        /** The name the client was added under (for {@link #recent}); null for inner nodes. */
        String clientName;
        boolean client;
        boolean active;
        boolean inSet;
        final long[] alloc = new long[ScalarTotals.CAPACITY];
        long count;
        /** Position of {@link #path} among all paths in name order (tie-break; see {@link #ranksStale}). */
        int rank;
        double share;
        double weight = 1.0;

        Node(String path, Node<T> parent) {
            this.path = path;
            this.parent = parent;
        }
    }

    @Override
    public void add(String client, T payload) {
        if (clients.containsKey(client)) {
            throw new IllegalArgumentException("Client '" + client + "' already added");
        }
        java.util.Objects.requireNonNull(payload, "payload");
        Node<T> parent = root;
        if (hierarchical) {
            int from = 0;
            int slash;
            while ((slash = client.indexOf('/', from)) > 0) {
                parent = child(parent, client.substring(0, slash));
                from = slash + 1;
            }
        }
        Node<T> existing = nodes.get(client);
        Node<T> leaf;
        if (existing != null) {
            leaf = new Node<>(client + "/.", existing);
            existing.children.put(".", leaf);
        } else {
            leaf = new Node<>(client, parent);
            parent.children.put(client, leaf);
            nodes.put(client, leaf);
            leaf.weight = weights.getOrDefault(client, 1.0);
        }
        leaf.client = true;
        leaf.payload = payload;
        leaf.clientName = client;
        clients.put(client, leaf);
        recent = null;
        seenVersion = -1;
        ranksStale = true;
    }

    private Node<T> child(Node<T> parent, String path) {
        Node<T> n = nodes.get(path);
        if (n == null) {
            n = new Node<>(path, parent);
            n.weight = weights.getOrDefault(path, 1.0);
            parent.children.put(path, n);
            nodes.put(path, n);
        } else if (n.client && n.children.isEmpty() && !n.path.endsWith("/.")) {
            // A leaf client gains sub-clients: move it into a virtual "." leaf.
            Node<T> self = new Node<>(path + "/.", n);
            self.client = true;
            self.payload = n.payload;
            self.clientName = n.clientName;
            self.active = n.active;
            self.count = n.count;
            System.arraycopy(n.alloc, 0, self.alloc, 0, n.alloc.length);
            n.children.put(".", self);
            n.client = false;
            n.payload = null;
            n.active = false;
            clients.put(path, self);
            recent = null;
        }
        return n;
    }

    @Override
    public void remove(String client) {
        Node<T> leaf = clients.remove(client);
        recent = null;
        if (leaf == null) {
            return;
        }
        change(leaf, leaf.alloc, -1, false);
        Node<T> n = leaf;
        while (n != root && n.children.isEmpty() && (n == leaf || !n.client)) {
            n.parent.children.remove(n.path.endsWith("/.") ? "." : n.path);
            nodes.remove(n.path, n);
            n = n.parent;
        }
        seenVersion = -1;
    }

    @Override
    public boolean contains(String client) {
        return lookup(client) != null;
    }

    @Override
    public void activate(String client) {
        setActive(client, true);
    }

    @Override
    public void deactivate(String client) {
        setActive(client, false);
    }

    private void setActive(String client, boolean active) {
        Node<T> leaf = lookup(client);
        if (leaf == null || leaf.active == active) {
            return;
        }
        leaf.active = active;
        if (seenVersion == totals.version() && ++activityChanges > ACTIVITY_CHANGES_BEFORE_RESORT + clients.size() / 8) {
            // A batch (e.g. all roles blocked for a run): one sort on the next walk is cheaper than
            // shifting the key arrays once per change.
            seenVersion = -1;
        }
        if (seenVersion == totals.version()) {
            for (Node<T> n = leaf; n != root; n = n.parent) {
                boolean live = n.client ? n.active : !n.live.isEmpty();
                if (live == n.inSet) {
                    break;
                }
                if (live) {
                    n.parent.live.add(n);
                } else {
                    n.parent.live.remove(n);
                }
                n.inSet = live;
            }
        }
    }

    @Override
    public void updateWeight(String path, double weight) {
        weights.put(path, weight);
        Node<T> n = nodes.get(path);
        if (n != null) {
            n.weight = weight;
        }
        seenVersion = -1;
    }

    @Override
    public void allocated(String client, long[] scalars) {
        change(lookup(client), scalars, 1, true);
    }

    @Override
    public void unallocated(String client, long[] scalars) {
        change(lookup(client), scalars, -1, false);
    }

    private Node<T> lookup(String client) {
        Node<T> n = recent;
        if (n != null && n.clientName == client) {
            return n;
        }
        n = clients.get(client);
        if (n != null) {
            recent = n;
            recentIndex = -1;
        }
        return n;
    }

    private void change(Node<T> leaf, long[] scalars, int sign, boolean count) {
        if (leaf == null) {
            throw new IllegalArgumentException("Unknown sorter client");
        }
        long[] delta = scalars == leaf.alloc ? scalars.clone() : scalars;
        boolean fresh = seenVersion == totals.version();
        int size = totals.size();
        for (Node<T> n = leaf; n != root; n = n.parent) {
            boolean was = n.inSet && fresh;
            if (was) {
                n.parent.live.remove(n, n == recent ? recentIndex : -1);
            }
            for (int i = 0; i < size; i++) {
                n.alloc[i] = Math.max(0, n.alloc[i] + sign * delta[i]);
            }
            if (count) {
                n.count++;
            }
            if (fresh) {
                n.share = share(n);
            }
            if (was) {
                n.parent.live.add(n);
            }
        }
    }

    private double share(Node<T> n) {
        double max = 0;
        for (int i = 0, size = totals.size(); i < size; i++) {
            long total = totals.total(i);
            if (total > 0 && n.alloc[i] > 0) {
                max = Math.max(max, (double) n.alloc[i] / total);
            }
        }
        return max / n.weight;
    }

    private void refresh() {
        if (seenVersion != totals.version()) {
            if (ranksStale) {
                rank();
            }
            rebuild(root);
            seenVersion = totals.version();
        }
        activityChanges = 0;
    }

    private boolean rebuild(Node<T> n) {
        n.live.clear();
        n.share = share(n);
        if (n.children.isEmpty()) {
            return n.client && n.active;
        }
        List<Node<T>> liveChildren = new ArrayList<>(n.children.size());
        for (Node<T> c : n.children.values()) {
            c.inSet = rebuild(c);
            if (c.inSet) {
                liveChildren.add(c);
            }
        }
        liveChildren.sort(ORDER);
        n.live.fill(liveChildren);
        return n.client ? n.active : !n.live.isEmpty();
    }

    /** Numbers all nodes in path order, so the name tie-break is an int comparison. */
    private void rank() {
        ranksStale = false;
        if (nodes.size() <= 1) {
            // One node (a framework sorter of a role with one framework): nothing to tie-break.
            nodes.values().forEach(n -> n.rank = 0);
            clients.values().forEach(n -> n.rank = 0);
            return;
        }
        List<Node<T>> all = new ArrayList<>(nodes.size() + clients.size());
        collect(root, all);
        all.sort(BY_PATH);
        for (int i = 0; i < all.size(); i++) {
            all.get(i).rank = i;
        }
    }

    private void collect(Node<T> n, List<Node<T>> out) {
        for (Node<T> c : n.children.values()) {
            out.add(c);
            collect(c, out);
        }
    }

    @Override
    public boolean forEach(Visitor<T> visitor) {
        refresh();
        return walk(root, visitor);
    }

    @Override
    public boolean forEachUnder(String path, Visitor<T> visitor) {
        refresh();
        Node<T> n = nodes.get(path);
        if (n == null) {
            return true;
        }
        if (n.client) {
            return !n.active || visitor.visit(n.payload);
        }
        return walk(n, visitor);
    }

    private boolean walk(Node<T> n, Visitor<T> visitor) {
        LiveChildren<T> live = n.live;
        for (int i = 0; i < live.size(); i++) {
            T payload = live.payload(i);
            if (payload != null) {
                recent = live.get(i);
                recentIndex = i;
                if (!visitor.visit(payload)) {
                    return false;
                }
            } else if (!walk(live.get(i), visitor)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double share(String client) {
        refresh();
        Node<T> n = clients.get(client);
        return n == null ? 0 : share(n);
    }
}
