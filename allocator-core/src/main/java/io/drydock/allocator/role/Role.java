package io.drydock.allocator.role;

import java.util.List;

/**
 * A validated role name, possibly hierarchical ({@code eng/web}); {@code *} is the default role.
 *
 * @param name the role name, valid per {@link Roles#validate(String)}
 */
public record Role(String name) implements Comparable<Role> {

    /** The default role {@code *}. */
    public static final Role DEFAULT = new Role(Roles.DEFAULT_ROLE);

    /** @throws IllegalArgumentException with the Mesos message when the name is invalid */
    public Role {
        Roles.requireValid(name);
    }

    public static Role of(String name) {
        return new Role(name);
    }

    public List<String> ancestors() {
        return Roles.ancestors(name);
    }

    public boolean isStrictSubroleOf(Role other) {
        return Roles.isStrictSubroleOf(name, other.name);
    }

    @Override
    public int compareTo(Role other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
