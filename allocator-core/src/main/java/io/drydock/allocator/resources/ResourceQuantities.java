package io.drydock.allocator.resources;

import java.util.Map;
import java.util.TreeMap;

/**
 * Name to quantity (thousandths), as used by quota guarantees and limits and by minimum allocatable
 * resources. For ranges and sets the quantity is the item count.
 *
 * @param millis sorted map of resource name to quantity in thousandths, values non-negative
 */
public record ResourceQuantities(Map<String, Long> millis) {

    public static final ResourceQuantities NONE = new ResourceQuantities(Map.of());

    public ResourceQuantities {
        for (Map.Entry<String, Long> e : millis.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("Negative quantity for '" + e.getKey() + "'");
            }
        }
        millis = java.util.Collections.unmodifiableMap(new TreeMap<>(millis));
    }

    /** Parses {@code cpus:1;mem:512} (names and plain numbers only). */
    public static ResourceQuantities parse(String text) {
        Map<String, Long> m = new TreeMap<>();
        for (String token : text.split(";")) {
            String t = token.trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] kv = t.split(":");
            if (kv.length != 2) {
                throw new ResourceParseException("Bad value for quantities, missing or extra ':' in " + t);
            }
            try {
                m.merge(kv[0].trim(), Resource.toMillis(Double.parseDouble(kv[1].trim())), Long::sum);
            } catch (NumberFormatException e) {
                throw new ResourceParseException("Bad value for quantities, invalid number in " + t);
            }
        }
        return new ResourceQuantities(m);
    }

    public boolean isEmpty() {
        return millis.isEmpty();
    }

    /** True when {@code resources} has at least each quantity here. */
    public boolean isSatisfiedBy(Resources resources) {
        for (Map.Entry<String, Long> e : millis.entrySet()) {
            if (resources.quantityMillis(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
