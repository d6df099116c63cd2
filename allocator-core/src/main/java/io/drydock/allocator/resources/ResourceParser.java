package io.drydock.allocator.resources;

import io.drydock.allocator.role.Roles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Mesos resource text form used by the agent {@code --resources} flag, e.g.
 * {@code cpus:4;mem(*):1024;cpus(ads):8;ports(*):[31000-32000];zones:{a,b}}.
 * <ul>
 *   <li>Tokens are split on {@code ;}; empty tokens are ignored.</li>
 *   <li>Each token needs exactly one {@code :}: otherwise
 *       {@code Bad value for resources, missing or extra ':' in <token>}.</li>
 *   <li>{@code name(role)}: parentheses must match; name and role are trimmed; the role is validated
 *       with the Mesos role rules; no role means the default role ({@code *} unless given).
 *       A role other than {@code *} is a STATIC reservation.</li>
 *   <li>Values: scalar {@code 4} or {@code 0.5} (non-negative, finite, spaces removed, rounded to
 *       3 decimals); ranges {@code [a-b,c-d]} (begin &le; end, coalesced); set {@code {a,b,c}}.</li>
 *   <li>One name must not appear with two types.</li>
 * </ul>
 * Every error is a {@link ResourceParseException} whose message names the offending token.
 * Stateless and thread-safe; agent-service reuses it.
 */
public final class ResourceParser {

    private ResourceParser() {
    }

    /** Parses with default role {@code *}. */
    public static Resources parse(String text) {
        return parse(text, Roles.DEFAULT_ROLE);
    }

    /**
     * Parses {@code text}, giving resources without a role the {@code defaultRole}.
     *
     * @throws ResourceParseException on any syntax or validation error
     */
    public static Resources parse(String text, String defaultRole) {
        List<Resource> out = new ArrayList<>();
        Map<String, ResourceType> types = new HashMap<>();
        for (String raw : text.split(";")) {
            String token = raw.trim();
            if (token.isEmpty()) {
                continue;
            }
            Resource r = parseToken(token, defaultRole);
            ResourceType seen = types.putIfAbsent(r.name(), r.type());
            if (seen != null && seen != r.type()) {
                throw new ResourceParseException("Resources with the same name ('" + r.name()
                        + "') but different types are not allowed");
            }
            out.add(r);
        }
        Resources result = Resources.EMPTY;
        for (Resource r : out) {
            try {
                result = result.plus(r);
            } catch (IllegalArgumentException e) {
                throw new ResourceParseException("Bad value for resources, " + e.getMessage());
            }
        }
        return result;
    }

    private static Resource parseToken(String token, String defaultRole) {
        String[] pair = token.split(":", -1);
        if (pair.length != 2) {
            throw new ResourceParseException("Bad value for resources, missing or extra ':' in " + token);
        }
        String key = pair[0];
        String value = pair[1].trim();
        String name;
        String role;
        int open = key.indexOf('(');
        int close = key.indexOf(')');
        if (open < 0 && close < 0) {
            name = key.trim();
            role = defaultRole;
        } else {
            if (open < 0 || close != key.length() - 1 || close < open
                    || key.indexOf('(', open + 1) >= 0 || key.indexOf(')', close + 1) >= 0) {
                throw new ResourceParseException("Bad value for resources, mismatched parentheses in " + token);
            }
            name = key.substring(0, open).trim();
            role = key.substring(open + 1, close).trim();
        }
        if (name.isEmpty()) {
            throw new ResourceParseException("Bad value for resources, empty resource name in " + token);
        }
        Roles.validate(role).ifPresent(message -> {
            throw new ResourceParseException("Bad value for resources, invalid role in " + token + ": " + message);
        });
        if (value.isEmpty()) {
            throw new ResourceParseException("Bad value for resources, empty value in " + token);
        }
        Resource resource;
        try {
            if (value.startsWith("[")) {
                resource = Resource.ranges(name, parseRanges(value, token));
            } else if (value.startsWith("{")) {
                resource = Resource.set(name, parseSet(value, token));
            } else {
                resource = Resource.scalar(name, parseScalar(value.replace(" ", ""), token));
            }
        } catch (ResourceParseException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ResourceParseException("Bad value for resources, " + e.getMessage() + " in " + token);
        }
        return Roles.DEFAULT_ROLE.equals(role) ? resource : resource.reserve(Reservation.staticFor(role));
    }

    private static double parseScalar(String value, String token) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ResourceParseException("Bad value for resources, invalid scalar '" + value + "' in " + token);
        }
        if (!Double.isFinite(d) || d < 0) {
            throw new ResourceParseException("Bad value for resources, scalar must be finite and non-negative in "
                    + token);
        }
        return d;
    }

    private static List<Range> parseRanges(String value, String token) {
        if (!value.endsWith("]")) {
            throw new ResourceParseException("Bad value for resources, expected ']' at the end of ranges in " + token);
        }
        List<Range> ranges = new ArrayList<>();
        String body = value.substring(1, value.length() - 1).replace(" ", "");
        if (body.isEmpty()) {
            return ranges;
        }
        for (String part : body.split(",")) {
            String[] bounds = part.split("-");
            if (bounds.length != 2) {
                throw new ResourceParseException("Bad value for resources, invalid range '" + part + "' in " + token);
            }
            try {
                long begin = Long.parseLong(bounds[0]);
                long end = Long.parseLong(bounds[1]);
                if (begin > end) {
                    throw new ResourceParseException("Bad value for resources, range '" + part
                            + "' has begin > end in " + token);
                }
                ranges.add(new Range(begin, end));
            } catch (NumberFormatException e) {
                throw new ResourceParseException("Bad value for resources, invalid range '" + part + "' in " + token);
            }
        }
        return ranges;
    }

    private static List<String> parseSet(String value, String token) {
        if (!value.endsWith("}")) {
            throw new ResourceParseException("Bad value for resources, expected '}' at the end of a set in " + token);
        }
        List<String> items = new ArrayList<>();
        for (String item : value.substring(1, value.length() - 1).split(",")) {
            String t = item.trim();
            if (!t.isEmpty()) {
                if (items.contains(t)) {
                    throw new ResourceParseException("Bad value for resources, duplicate set item '" + t
                            + "' in " + token);
                }
                items.add(t);
            }
        }
        return items;
    }
}
