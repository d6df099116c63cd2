package io.drydock.allocator;

import io.drydock.allocator.resources.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Test scenario builder: an allocator on a fake clock with terse agent/framework helpers. */
final class Scenario {

    final FakeClock clock = new FakeClock();
    final Allocator allocator;

    Scenario() {
        this(b -> { });
    }

    Scenario(Consumer<AllocatorBuilder> config) {
        AllocatorBuilder b = Allocator.builder().clock(clock).seed(42);
        config.accept(b);
        allocator = b.build();
    }

    Scenario agent(String id, String resources) {
        allocator.addAgent(AgentId.of(id), MachineId.of(id + ".example", "10.0.0." + (id.hashCode() & 0xff)),
                Resources.parse(resources), Map.of());
        return this;
    }

    Scenario framework(String id, String... roles) {
        allocator.addFramework(FrameworkSpec.of(id, roles), true);
        return this;
    }

    Scenario framework(FrameworkSpec spec) {
        allocator.addFramework(spec, true);
        return this;
    }

    Plan allocate() {
        return allocator.allocate();
    }

    void tick(Duration d) {
        clock.advance(d);
    }

    void declineAll(Plan plan, Filters filters) {
        plan.offers().forEach(o -> allocator.declineOffer(o.id(), filters));
    }

    void acceptAll(Plan plan) {
        plan.offers().forEach(o -> allocator.acceptOffer(o.id(), o.resources(), Filters.DEFAULT));
    }

    static List<Offer> offersTo(Plan plan, String framework) {
        return plan.offers().stream().filter(o -> o.frameworkId().value().equals(framework)).toList();
    }

    static Set<String> agentsOf(List<Offer> offers) {
        return Set.copyOf(offers.stream().map(o -> o.agentId().value()).toList());
    }
}
