package io.drydock.allocator.filter;

import io.drydock.allocator.resources.ResourceQuantities;
import io.drydock.allocator.resources.Resources;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --min_allocatable_resources}: alternatives separated by {@code |}, each a {@code ;}-joined
 * set of quantities; an offer is allocatable when it meets at least one alternative in full.
 * Ranges and sets count their items. Default {@code cpus:0.01|mem:32}.
 */
public record MinAllocatable(List<ResourceQuantities> alternatives) {

    public static final MinAllocatable DEFAULT = parse("cpus:0.01|mem:32");
    /** No minimum: any non-empty offer is allocatable. */
    public static final MinAllocatable NONE = new MinAllocatable(List.of());

    public MinAllocatable {
        alternatives = List.copyOf(alternatives);
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

    public boolean isAllocatable(Resources offer) {
        if (offer.isEmpty()) {
            return false;
        }
        if (alternatives.isEmpty()) {
            return true;
        }
        for (ResourceQuantities q : alternatives) {
            if (q.isSatisfiedBy(offer)) {
                return true;
            }
        }
        return false;
    }
}
