package io.drydock.allocator.filter;

import io.drydock.allocator.resources.ResourceQuantities;
import io.drydock.allocator.resources.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --min_allocatable_resources}: alternatives separated by {@code |}, each a {@code ;}-joined
 * set of quantities; an offer is allocatable when it meets at least one alternative in full.
 * Ranges and sets count their items. Default {@code cpus:0.01|mem:32}. Immutable value; alternatives
 * are flattened to arrays at construction for the hot path.
 */
public final class MinAllocatable {

    public static final MinAllocatable DEFAULT = parse("cpus:0.01|mem:32");
    /** No minimum: any non-empty offer is allocatable. */
    public static final MinAllocatable NONE = new MinAllocatable(List.of());

    private final List<ResourceQuantities> alternatives;
    private final String[][] names;
    private final long[][] mins;

    public MinAllocatable(List<ResourceQuantities> alternatives) {
        this.alternatives = List.copyOf(alternatives);
        names = new String[alternatives.size()][];
        mins = new long[alternatives.size()][];
        for (int a = 0; a < alternatives.size(); a++) {
            List<Map.Entry<String, Long>> entries = List.copyOf(alternatives.get(a).millis().entrySet());
            names[a] = entries.stream().map(Map.Entry::getKey).toArray(String[]::new);
            mins[a] = entries.stream().mapToLong(Map.Entry::getValue).toArray();
        }
    }

    public static MinAllocatable parse(String text) {
        List<ResourceQuantities> out = new ArrayList<>();
        for (String alt : text.split("\\|")) {
            if (!alt.isBlank()) {
                out.add(ResourceQuantities.parse(alt));
            }
        }
        return new MinAllocatable(out);
    }

    public List<ResourceQuantities> alternatives() {
        return alternatives;
    }

    public boolean isAllocatable(Resources offer) {
        if (offer.isEmpty()) {
            return false;
        }
        if (names.length == 0) {
            return true;
        }
        for (int a = 0; a < names.length; a++) {
            boolean ok = true;
            for (int i = 0; i < names[a].length && ok; i++) {
                ok = offer.quantityMillis(names[a][i]) >= mins[a][i];
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinAllocatable m && m.alternatives.equals(alternatives);
    }

    @Override
    public int hashCode() {
        return alternatives.hashCode();
    }

    @Override
    public String toString() {
        return "MinAllocatable" + alternatives;
    }
}
