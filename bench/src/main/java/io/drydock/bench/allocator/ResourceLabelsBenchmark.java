package io.drydock.bench.allocator;

import io.drydock.allocator.resources.Reservation;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import java.util.ArrayList;
import java.util.List;

/**
 * Mesos {@code HierarchicalAllocator_BENCHMARK_Test/ResourceLabels}: the {@link DeclineOffersBenchmark}
 * workload, but of the 16 used cpus on each agent, two blocks of 8 are dynamically reserved for
 * {@code role1} by {@code principal1}, each with 12 labels; the blocks' label lists differ only in
 * their last label, and every agent's labels differ from every other agent's (the worst case for label
 * equality: no two reservations in the cluster can be merged). The agent totals carry the two labelled
 * blocks plus {@code cpus:8;mem:4096;disk:4096;ports:[31000-32000]} unreserved, so each round offers
 * the same unreserved remainder as DeclineOffers.
 */
public class ResourceLabelsBenchmark extends DeclineOffersBenchmark {

    private static final Resources UNRESERVED_TOTAL = Resources.parse("cpus:8;mem:4096;disk:4096;ports:[31000-32000]");
    private static final Resources UNRESERVED_USED = Resources.parse("mem:2014;disk:1024;" + Clusters.USED_PORTS);

    @Override
    protected Resources agentTotal(int i) {
        return UNRESERVED_TOTAL.plus(labelled(i));
    }

    @Override
    protected Resources used(int i) {
        return UNRESERVED_USED.plus(labelled(i));
    }

    /** The two labelled reservations of agent {@code i} (equal for equal {@code i}). */
    private static Resources labelled(int i) {
        return Resources.of(block(i, "a"), block(i, "b"));
    }

    private static Resource block(int agent, String which) {
        List<Reservation.Label> labels = new ArrayList<>(12);
        for (int j = 0; j < 11; j++) {
            labels.add(new Reservation.Label("key" + j, "value" + j));
        }
        labels.add(new Reservation.Label("last", which + "-" + agent));
        return Resource.scalar("cpus", 8).reserve(Reservation.dynamic("role1", "principal1", labels));
    }
}
