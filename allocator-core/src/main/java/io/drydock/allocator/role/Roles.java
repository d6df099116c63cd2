package io.drydock.allocator.role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mesos role-name rules ({@code src/common/roles.cpp}): validation with the exact Mesos messages,
 * checked in the Mesos order, and the hierarchy helpers. Stateless.
 */
public final class Roles {

    /** The default role of unreserved resources. */
    public static final String DEFAULT_ROLE = "*";

    private Roles() {
    }

    /**
     * Validates a role name.
     *
     * @return empty when valid, otherwise the Mesos error message
     */
    public static Optional<String> validate(String role) {
        if (DEFAULT_ROLE.equals(role)) {
            return Optional.empty();
        }
        if (role.startsWith("/")) {
            return Optional.of("Role '" + role + "' cannot start with a slash");
        }
        if (role.endsWith("/")) {
            return Optional.of("Role '" + role + "' cannot end with a slash");
        }
        if (role.contains("//")) {
            return Optional.of("Role '" + role + "' cannot contain two adjacent slashes");
        }
        if (role.isEmpty()) {
            return Optional.of("Role names cannot be the empty string");
        }
        for (String component : role.split("/", -1)) {
            if (component.equals(".")) {
                return Optional.of("Role '" + role + "' cannot include '.' as a component");
            }
            if (component.equals("..")) {
                return Optional.of("Role '" + role + "' cannot include '..' as a component");
            }
            if (component.equals("*")) {
                return Optional.of("Role '" + role + "' cannot include '*' as a component");
            }
            if (component.startsWith("-")) {
                return Optional.of("Role component '" + component + "' is invalid because it starts with a dash");
            }
            for (int i = 0; i < component.length(); i++) {
                char c = component.charAt(i);
                if (c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r' || c == ' ' || c == 0x7f) {
                    return Optional.of("Role component '" + component
                            + "' is invalid because it contains backspace or whitespace");
                }
            }
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException with the Mesos message when the name is invalid */
    public static String requireValid(String role) {
        validate(role).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return role;
    }

    /** {@code ancestors("a/b/c") = ["a/b", "a"]}, nearest first; empty for a top-level role. */
    public static List<String> ancestors(String role) {
        List<String> result = new ArrayList<>();
        int slash = role.lastIndexOf('/');
        while (slash > 0) {
            role = role.substring(0, slash);
            result.add(role);
            slash = role.lastIndexOf('/');
        }
        return result;
    }

    /** The top-level ancestor of a role, or the role itself when it is top-level. */
    public static String topLevel(String role) {
        int slash = role.indexOf('/');
        return slash < 0 ? role : role.substring(0, slash);
    }

    /** True when {@code left} is a descendant of {@code right} ({@code foobar} is not a subrole of {@code foo}). */
    public static boolean isStrictSubroleOf(String left, String right) {
        return left.length() > right.length() && left.charAt(right.length()) == '/' && left.startsWith(right);
    }

    /**
     * Parses a {@code --roles} whitelist: comma separated, empty tokens dropped, every entry validated,
     * {@code *} always added.
     *
     * @throws IllegalArgumentException {@code Failed to parse roles: <message>} on an invalid entry
     */
    public static Set<String> parseWhitelist(String text) {
        Set<String> roles = new LinkedHashSet<>();
        for (String token : text.split(",")) {
            if (token.isEmpty()) {
                continue;
            }
            validate(token).ifPresent(message -> {
                throw new IllegalArgumentException("Failed to parse roles: " + message);
            });
            roles.add(token);
        }
        roles.add(DEFAULT_ROLE);
        return roles;
    }
}
