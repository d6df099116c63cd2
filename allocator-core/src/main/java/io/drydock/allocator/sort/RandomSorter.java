package io.drydock.allocator.sort;

import io.drydock.allocator.role.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mesos's random sorter: each walk is a fresh weighted random order of the active clients (weight
 * of a client = its own weight; hierarchy is flattened). Deterministic for a given seed and call
 * sequence. Kept for comparison with {@link DrfSorter}, as in Mesos ({@code --role_sorter=random}).
 */
public final class RandomSorter<T> implements Sorter<T> {

    private record Client<T>(String name, T payload, boolean[] active) {
    }

    private final Map<String, Client<T>> clients = new LinkedHashMap<>();
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final Map<String, long[]> allocations = new LinkedHashMap<>();
    private final ScalarTotals totals;
    private final Random random;

    public RandomSorter(ScalarTotals totals, long seed) {
        this.totals = totals;
        this.random = new Random(seed);
    }

    @Override
    public void add(String client, T payload) {
        clients.put(client, new Client<>(client, payload, new boolean[1]));
        allocations.put(client, new long[ScalarTotals.CAPACITY]);
    }

    @Override
    public void remove(String client) {
        clients.remove(client);
        allocations.remove(client);
    }

    @Override
    public boolean contains(String client) {
        return clients.containsKey(client);
    }

    @Override
    public void activate(String client) {
        Client<T> c = clients.get(client);
        if (c != null) {
            c.active()[0] = true;
        }
    }

    @Override
    public void deactivate(String client) {
        Client<T> c = clients.get(client);
        if (c != null) {
            c.active()[0] = false;
        }
    }

    @Override
    public void updateWeight(String path, double weight) {
        weights.put(path, weight);
    }

    @Override
    public void allocated(String client, long[] scalars) {
        long[] a = allocations.get(client);
        for (int i = 0; i < totals.size(); i++) {
            a[i] += scalars[i];
        }
    }

    @Override
    public void unallocated(String client, long[] scalars) {
        long[] a = allocations.get(client);
        for (int i = 0; i < totals.size(); i++) {
            a[i] = Math.max(0, a[i] - scalars[i]);
        }
    }

    @Override
    public boolean forEach(Visitor<T> visitor) {
        return walk(null, visitor);
    }

    @Override
    public boolean forEachUnder(String path, Visitor<T> visitor) {
        return walk(path, visitor);
    }

    private boolean walk(String path, Visitor<T> visitor) {
        List<Client<T>> active = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        for (Client<T> c : clients.values()) {
            if (c.active()[0] && (path == null || c.name().equals(path) || Roles.isStrictSubroleOf(c.name(), path))) {
                active.add(c);
                double w = weights.getOrDefault(c.name(), 1.0);
                keys.add(-Math.log(1.0 - random.nextDouble()) / w);
            }
        }
        Integer[] order = new Integer[active.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(keys.get(a), keys.get(b)));
        for (Integer i : order) {
            if (!visitor.visit(active.get(i).payload())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double share(String client) {
        long[] a = allocations.get(client);
        if (a == null) {
            return 0;
        }
        double max = 0;
        for (int i = 0; i < totals.size(); i++) {
            if (totals.total(i) > 0) {
                max = Math.max(max, (double) a[i] / totals.total(i));
            }
        }
        return max / weights.getOrDefault(client, 1.0);
    }
}
