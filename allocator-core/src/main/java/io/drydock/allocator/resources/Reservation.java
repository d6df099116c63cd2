package io.drydock.allocator.resources;

import io.drydock.allocator.role.Roles;
import java.util.List;

/**
 * One entry of a reservation stack (Mesos "post-refinement" format).
 *
 * @param type STATIC (agent flag) or DYNAMIC (operator or framework RESERVE)
 * @param role the reservation role, never {@code *}
 * @param principal who reserved it, may be null
 * @param labels reservation labels in order, never null
 */
public record Reservation(Type type, String role, String principal, List<Label> labels) {

    /** Reservation kinds. */
    public enum Type { STATIC, DYNAMIC }

    /** A reservation label. */
    public record Label(String key, String value) {
    }

    public Reservation {
        if (Roles.DEFAULT_ROLE.equals(role)) {
            throw new IllegalArgumentException("Invalid reservation: role \"*\" cannot be reserved");
        }
        Roles.requireValid(role);
        labels = List.copyOf(labels);
    }

    public static Reservation staticFor(String role) {
        return new Reservation(Type.STATIC, role, null, List.of());
    }

    public static Reservation dynamic(String role, String principal, List<Label> labels) {
        return new Reservation(Type.DYNAMIC, role, principal, labels);
    }

    String describe() {
        StringBuilder b = new StringBuilder(role);
        if (type == Type.DYNAMIC) {
            b.append(",dynamic");
            if (principal != null) {
                b.append(',').append(principal);
            }
            for (Label l : labels) {
                b.append(',').append(l.key()).append('=').append(l.value());
            }
        }
        return b.toString();
    }
}
