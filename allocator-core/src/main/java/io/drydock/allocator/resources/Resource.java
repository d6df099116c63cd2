package io.drydock.allocator.resources;

import io.drydock.allocator.role.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One Mesos resource: a name, a value (scalar, ranges or set), an optional reservation stack and,
 * for {@code disk}, an optional persistent volume. Scalars are 3-decimal fixed point, stored in
 * thousandths ({@code scalarMillis}); a resource is never negative.
 *
 * @param name resource name ({@code cpus}, {@code mem}, {@code disk}, {@code gpus}, {@code ports} ...)
 * @param type value type
 * @param scalarMillis the scalar value in thousandths (0 unless SCALAR)
 * @param ranges sorted, coalesced, non-overlapping ranges (empty unless RANGES)
 * @param items sorted distinct items (empty unless SET)
 * @param reservations the reservation stack, empty when unreserved ({@code *})
 * @param volume persistent volume info, null unless a persistent {@code disk}
 */
public record Resource(String name, ResourceType type, long scalarMillis, List<Range> ranges, List<String> items,
                       List<Reservation> reservations, Volume volume) {

    public Resource {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Empty resource name");
        }
        if (scalarMillis < 0) {
            throw new IllegalArgumentException("Invalid scalar resource: value <= 0");
        }
        ranges = List.copyOf(ranges);
        items = List.copyOf(items);
        reservations = List.copyOf(reservations);
        if (volume != null && !name.equals("disk")) {
            throw new IllegalArgumentException("Persistent volume info is only valid on 'disk', not on '" + name + "'");
        }
        if (volume != null && reservations.isEmpty()) {
            throw new IllegalArgumentException("Persistent volumes can only be created on reserved resources");
        }
        for (int i = 1; i < reservations.size(); i++) {
            Reservation r = reservations.get(i);
            if (r.type() != Reservation.Type.DYNAMIC
                    || !Roles.isStrictSubroleOf(r.role(), reservations.get(i - 1).role())) {
                throw new IllegalArgumentException("Invalid refined reservation: '" + r.role()
                        + "' must be a DYNAMIC reservation to a strict sub-role of '"
                        + reservations.get(i - 1).role() + "'");
            }
        }
    }

    /** An unreserved scalar, e.g. {@code scalar("cpus", 2.5)}. */
    public static Resource scalar(String name, double value) {
        return new Resource(name, ResourceType.SCALAR, toMillis(value), List.of(), List.of(), List.of(), null);
    }

    /** Unreserved ranges (coalesced). */
    public static Resource ranges(String name, List<Range> ranges) {
        return new Resource(name, ResourceType.RANGES, 0, coalesce(ranges), List.of(), List.of(), null);
    }

    /** An unreserved set. */
    public static Resource set(String name, List<String> items) {
        return new Resource(name, ResourceType.SET, 0, List.of(), List.copyOf(new TreeSet<>(items)), List.of(), null);
    }

    /** Rounds a double to the 3-decimal fixed point Mesos uses. */
    public static long toMillis(double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("Invalid scalar resource: value <= 0");
        }
        return Math.round(value * 1000.0);
    }

    /** The scalar as a double. */
    public double scalar() {
        return scalarMillis / 1000.0;
    }

    /** This resource reserved (pushed onto the stack) to {@code reservation}. */
    public Resource reserve(Reservation reservation) {
        List<Reservation> stack = new ArrayList<>(reservations);
        stack.add(reservation);
        return new Resource(name, type, scalarMillis, ranges, items, stack, volume);
    }

    /** This disk as a persistent volume. */
    public Resource withVolume(Volume v) {
        return new Resource(name, type, scalarMillis, ranges, items, reservations, v);
    }

    /** The same identity (name, type, reservations, volume) with another value. */
    Resource withValue(long millis, List<Range> newRanges, List<String> newItems) {
        return new Resource(name, type, millis, newRanges, newItems, reservations, volume);
    }

    /** Copy with a new scalar value. */
    public Resource withScalar(long millis) {
        return new Resource(name, type, millis, ranges, items, reservations, volume);
    }

    public boolean isUnreserved() {
        return reservations.isEmpty();
    }

    /** The role the resource is reserved to (top of the stack), or {@code *}. */
    public String role() {
        return reservations.isEmpty() ? Roles.DEFAULT_ROLE : reservations.get(reservations.size() - 1).role();
    }

    /** Unreserved, or reserved to {@code role} or one of its ancestors (Mesos {@code allocatableTo}). */
    public boolean isAllocatableTo(String role) {
        if (reservations.isEmpty()) {
            return true;
        }
        String r = role();
        return r.equals(role) || Roles.isStrictSubroleOf(role, r);
    }

    /** The count Mesos uses for quantities: the scalar, or the number of range/set items. */
    public long quantityMillis() {
        return switch (type) {
            case SCALAR -> scalarMillis;
            case RANGES -> {
                long n = 0;
                for (Range r : ranges) {
                    n += r.size();
                }
                yield n * 1000;
            }
            case SET -> items.size() * 1000L;
        };
    }

    public boolean isEmpty() {
        return switch (type) {
            case SCALAR -> scalarMillis == 0 && volume == null;
            case RANGES -> ranges.isEmpty();
            case SET -> items.isEmpty();
        };
    }

    boolean sameIdentity(Resource o) {
        return name.equals(o.name) && type == o.type && Objects.equals(volume, o.volume)
                && reservations.equals(o.reservations);
    }

    static List<Range> coalesce(List<Range> input) {
        if (input.size() <= 1) {
            return List.copyOf(input);
        }
        List<Range> sorted = new ArrayList<>(input);
        sorted.sort(null);
        List<Range> out = new ArrayList<>();
        Range cur = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            Range next = sorted.get(i);
            if (next.begin() <= cur.end() + 1) {
                cur = new Range(cur.begin(), Math.max(cur.end(), next.end()));
            } else {
                out.add(cur);
                cur = next;
            }
        }
        out.add(cur);
        return out;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name);
        if (!reservations.isEmpty()) {
            b.append('(');
            for (int i = 0; i < reservations.size(); i++) {
                b.append(i == 0 ? "" : ";").append(reservations.get(i).describe());
            }
            b.append(')');
        } else {
            b.append("(*)");
        }
        if (volume != null) {
            b.append('[').append(volume.persistenceId()).append(']');
        }
        b.append(':');
        switch (type) {
            case SCALAR -> b.append(ResourceMath.formatMillis(scalarMillis));
            case RANGES -> b.append(ranges.toString().replace(" ", ""));
            case SET -> b.append('{').append(String.join(",", items)).append('}');
        }
        return b.toString();
    }
}
