package io.drydock.allocator;

/** An agent (Mesos slave) id. */
public record AgentId(String value) implements Comparable<AgentId> {

    public AgentId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("AgentId must not be empty");
        }
    }

    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public int compareTo(AgentId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
