package io.drydock.allocator.cycle;

import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.ResourceType;
import io.drydock.allocator.resources.Resources;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the next slice out of what a role may get on an agent ({@code AllocatorBuilder#offerSlice}).
 * Unreserved scalars named in the slice contribute at most the slice's amount; other unreserved
 * scalars (e.g. {@code disk} when the slice names only cpus and mem) are split evenly over the slices
 * left on the agent; reserved resources (only ever the role's own) and unreserved ranges and sets
 * (ports) are not split: they go with the role's first slice on the agent.
 */
final class OfferSlicer {

    private final Resources slice;
    private final String[] names;
    private final long[] millis;

    OfferSlicer(Resources slice) {
        this.slice = slice;
        List<Resource> items = slice.items();
        names = new String[items.size()];
        millis = new long[items.size()];
        for (int i = 0; i < items.size(); i++) {
            names[i] = items.get(i).name();
            millis[i] = items.get(i).scalarMillis();
        }
    }

    /** The next slice of {@code offer}; {@code offer} itself when it is at most one slice. */
    Resources cut(Resources offer) {
        List<Resource> items = offer.items();
        long slices = 0;
        boolean exactlyNamed = items.size() == names.length;
        for (Resource r : items) {
            int j = slicedIndex(r);
            if (j >= 0) {
                slices = Math.max(slices, ceilDiv(r.scalarMillis(), millis[j]));
                exactlyNamed &= r.scalarMillis() >= millis[j];
            } else {
                exactlyNamed = false;
            }
        }
        if (slices <= 1) {
            return offer;
        }
        if (exactlyNamed) {
            return slice; // the common case, one shared object (keeps the agent's identity memo warm)
        }
        List<Resource> out = new ArrayList<>(items.size());
        for (Resource r : items) {
            if (!r.isUnreserved() || r.type() != ResourceType.SCALAR || r.volume() != null) {
                out.add(r);
                continue;
            }
            int j = slicedIndex(r);
            long take = j >= 0 ? Math.min(millis[j], r.scalarMillis()) : ceilDiv(r.scalarMillis(), slices);
            out.add(take == r.scalarMillis() ? r : r.withScalar(take));
        }
        return Resources.of(out);
    }

    /** Index of an unreserved scalar among the slice's names, or -1. */
    private int slicedIndex(Resource r) {
        if (r.type() != ResourceType.SCALAR || !r.isUnreserved() || r.volume() != null) {
            return -1;
        }
        for (int j = 0; j < names.length; j++) {
            if (names[j].equals(r.name())) {
                return j;
            }
        }
        return -1;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
