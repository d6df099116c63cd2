package io.drydock.allocator.resources;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * An immutable bag of {@link Resource}s, normalized: one entry per identity (name, type,
 * reservation stack, volume), entries in a deterministic order, no empty entries.
 * <p>Arithmetic is strict so that resources are never negative and never double-counted:
 * {@link #plus} fails on overlapping ranges, duplicate set items or the same persistent volume
 * twice; {@link #minus} fails unless the subtrahend is {@linkplain #contains contained}.
 * Equality is by content.
 */
public final class Resources {

    /** The empty bag. */
    public static final Resources EMPTY = new Resources(List.of());

    private static final Comparator<Resource> ORDER = Resources::compare;

    private static int compare(Resource a, Resource b) {
        int c = a.name().compareTo(b.name());
        if (c != 0) {
            return c;
        }
        c = a.type().compareTo(b.type());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.reservations().size(), b.reservations().size());
        if (c != 0 || a.reservations().isEmpty() && a.volume() == null && b.volume() == null) {
            return c;
        }
        c = describe(a).compareTo(describe(b));
        if (c != 0) {
            return c;
        }
        return (a.volume() == null ? "" : a.volume().persistenceId())
                .compareTo(b.volume() == null ? "" : b.volume().persistenceId());
    }

    private final List<Resource> items;
    private int hash;

    private Resources(List<Resource> normalized) {
        this.items = normalized;
    }

    /** Normalizes the given resources (strict add). */
    public static Resources of(List<Resource> resources) {
        Resources r = EMPTY;
        for (Resource resource : resources) {
            r = r.plus(resource);
        }
        return r;
    }

    public static Resources of(Resource... resources) {
        return of(List.of(resources));
    }

    /** Parses a Mesos resource string; see {@link ResourceParser}. */
    public static Resources parse(String text) {
        return ResourceParser.parse(text);
    }

    public List<Resource> items() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Resources plus(Resources other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Resource> out = new ArrayList<>(items.size() + other.items.size());
        out.addAll(items);
        int before = out.size();
        for (Resource r : other.items) {
            addInto(out, r);
        }
        if (out.size() != before) {
            out.sort(ORDER);
        }
        return new Resources(Collections.unmodifiableList(out));
    }

    public Resources plus(Resource resource) {
        if (resource.isEmpty()) {
            return this;
        }
        List<Resource> out = new ArrayList<>(items.size() + 1);
        out.addAll(items);
        int before = out.size();
        addInto(out, resource);
        if (out.size() != before) {
            out.sort(ORDER);
        }
        return new Resources(Collections.unmodifiableList(out));
    }

    /** @throws IllegalArgumentException when {@code other} is not contained (the result would be negative) */
    public Resources minus(Resources other) {
        if (other.isEmpty()) {
            return this;
        }
        if (other == this || other.equals(this)) {
            return EMPTY;
        }
        List<Resource> out = new ArrayList<>(items);
        for (Resource r : other.items) {
            int i = indexOf(out, r);
            if (i < 0 || !containsOne(out.get(i), r)) {
                throw new IllegalArgumentException("Cannot subtract " + r + " from " + this + ": not contained");
            }
            Resource have = out.get(i);
            Resource left = switch (have.type()) {
                case SCALAR -> have.volume() != null ? null : have.withScalar(have.scalarMillis() - r.scalarMillis());
                case RANGES -> have.withValue(0, ResourceMath.subtractRanges(have.ranges(), r.ranges()), List.of());
                case SET -> have.withValue(0, List.of(), ResourceMath.subtractItems(have.items(), r.items()));
            };
            if (left == null || left.isEmpty()) {
                out.remove(i);
            } else {
                out.set(i, left);
            }
        }
        return new Resources(Collections.unmodifiableList(out));
    }

    /** True when every resource of {@code other} is present here in at least the same amount. */
    public boolean contains(Resources other) {
        if (other == this || other.isEmpty()) {
            return true;
        }
        for (Resource r : other.items) {
            int i = indexOf(items, r);
            if (i < 0 || !containsOne(items.get(i), r)) {
                return false;
            }
        }
        return true;
    }

    public Resources filter(Predicate<Resource> keep) {
        List<Resource> out = new ArrayList<>(items.size());
        for (Resource r : items) {
            if (keep.test(r)) {
                out.add(r);
            }
        }
        return out.size() == items.size() ? this : new Resources(Collections.unmodifiableList(out));
    }

    /** Unreserved resources plus those reserved to {@code role} or an ancestor (Mesos {@code allocatableTo}). */
    public Resources allocatableTo(String role) {
        return filter(r -> r.isAllocatableTo(role));
    }

    public Resources unreserved() {
        return filter(Resource::isUnreserved);
    }

    public Resources reserved() {
        return filter(r -> !r.isUnreserved());
    }

    public boolean hasReservations() {
        for (Resource r : items) {
            if (!r.isUnreserved()) {
                return true;
            }
        }
        return false;
    }

    /** Sum of all scalar entries named {@code name}, in thousandths. */
    public long scalarMillis(String name) {
        long sum = 0;
        for (Resource r : items) {
            if (r.type() == ResourceType.SCALAR && r.name().equals(name)) {
                sum += r.scalarMillis();
            }
        }
        return sum;
    }

    public double scalar(String name) {
        return scalarMillis(name) / 1000.0;
    }

    /** Quantity of a name across entries: scalar sum, or item count of ranges/sets (thousandths). */
    public long quantityMillis(String name) {
        long sum = 0;
        for (Resource r : items) {
            if (r.name().equals(name)) {
                sum += r.quantityMillis();
            }
        }
        return sum;
    }

    private static void addInto(List<Resource> out, Resource r) {
        int i = indexOf(out, r);
        if (i < 0) {
            if (!r.isEmpty()) {
                out.add(r);
            }
            return;
        }
        Resource have = out.get(i);
        Resource merged = switch (have.type()) {
            case SCALAR -> {
                if (have.volume() != null) {
                    throw new IllegalArgumentException("Double count of persistent volume '"
                            + have.volume().persistenceId() + "'");
                }
                yield have.withScalar(Math.addExact(have.scalarMillis(), r.scalarMillis()));
            }
            case RANGES -> have.withValue(0, ResourceMath.addRanges(have.ranges(), r.ranges(), r.name()), List.of());
            case SET -> have.withValue(0, List.of(), ResourceMath.addItems(have.items(), r.items(), r.name()));
        };
        out.set(i, merged);
    }

    private static int indexOf(List<Resource> list, Resource r) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).sameIdentity(r)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsOne(Resource have, Resource want) {
        return switch (have.type()) {
            case SCALAR -> have.volume() != null ? have.equals(want) : have.scalarMillis() >= want.scalarMillis();
            case RANGES -> ResourceMath.containsRanges(have.ranges(), want.ranges());
            case SET -> have.items().containsAll(want.items());
        };
    }

    private static String describe(Resource r) {
        StringBuilder b = new StringBuilder();
        for (Reservation res : r.reservations()) {
            b.append(res.describe()).append(';');
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Resources other && other.items.size() == items.size()
                && hashCode() == other.hashCode() && items.equals(other.items));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = items.hashCode();
            hash = h;
        }
        return h;
    }

    /** Mesos text form, e.g. {@code cpus(*):4;mem(ads):1024;ports(*):[31000-32000]}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Resource r : items) {
            b.append(b.isEmpty() ? "" : ";").append(r);
        }
        return b.toString();
    }
}
