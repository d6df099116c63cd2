package io.drydock.bench.allocator;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.Allocator;
import io.drydock.allocator.AllocatorBuilder;
import io.drydock.allocator.FrameworkSpec;
import io.drydock.allocator.MachineId;
import io.drydock.allocator.resources.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** Cluster builders for the benchmarks, mirroring Mesos's allocator benchmark set-ups (spec §10). */
final class Clusters {

    private Clusters() {
    }

    /** A paused clock advanced by hand, as Mesos benchmarks pause theirs. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static AllocatorBuilder builder(ManualClock clock) {
        return Allocator.builder().clock(clock).seed(7);
    }

    static AgentId agent(int i) {
        return AgentId.of("agent-" + i);
    }

    static void addAgent(Allocator allocator, int i, Resources total) {
        allocator.addAgent(agent(i), MachineId.of("host-" + i, "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff)
                + "." + (i & 0xff)), total, Map.of());
    }

    static void addFrameworks(Allocator allocator, int count, String role) {
        for (int i = 0; i < count; i++) {
            allocator.addFramework(FrameworkSpec.of("framework-" + i, role), true);
        }
    }

    /** The 16 port fragments Mesos's DeclineOffers/SuppressOffers benchmarks pre-allocate. */
    static final String USED_PORTS = "ports:[31126-31510,31512-31623,31810-31852,31854-31964,31966-31970,"
            + "31972-31975,31977-31980,31982-31985,31987-31990,31992-31993,31995-31996,31998-31998,"
            + "31999-31999,31000-31005,31007-31010,31012-31015]";
}
