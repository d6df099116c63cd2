package io.drydock.master.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.Allocator;
import io.drydock.allocator.FrameworkSpec;
import io.drydock.allocator.InverseOffer;
import io.drydock.allocator.Offer;
import io.drydock.allocator.Rescind;
import io.drydock.allocator.maintenance.Unavailability;
import io.drydock.allocator.resources.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While runs are deferred (the machine-state consumer applying one poll: the machines of one schedule), no
 * offer goes out; afterwards one run offers every changed agent with its unavailability. Without it, a run
 * between two machines' changes offered the second one without its unavailability, next to inverse offers for
 * the first (the maintenance scenario's SDK policy then placed replacements on a machine of a later window).
 */
class DeferredRunsTest {

  final List<Offer> offers = new ArrayList<>();
  final OfferPublisher publisher = new OfferPublisher(null, null, null, null) {
    @Override
    void offer(Offer offer, AgentView agent) {
      synchronized (offers) {
        offers.add(offer);
      }
    }

    @Override
    void inverseOffer(InverseOffer offer, AgentView agent) {}

    @Override
    void rescind(Rescind rescind) {}
  };
  // Periodic runs an hour apart: only triggered runs happen during the test.
  final AllocationActor actor = new AllocationActor(Allocator.builder().build(), publisher,
      Duration.ofHours(1).toMillis(), AllocationMetrics.none());
  final Unavailability window = Unavailability.from(Instant.now().plusSeconds(600), Duration.ofHours(1));

  @AfterEach
  void stop() {
    actor.stop();
  }

  @Test
  void changesAppliedWhileRunsAreDeferredAreOfferedTogetherWithTheirUnavailability() {
    actor.start();
    actor.addFramework(FrameworkSpec.of("fw", "web"), true).join();

    actor.deferRuns(Duration.ofMinutes(1)).join();
    addAgent("a1");
    addAgent("a2");
    actor.updateUnavailability(AgentId.of("a1"), window).join();
    actor.updateUnavailability(AgentId.of("a2"), window).join();
    actor.setActive(io.drydock.allocator.FrameworkId.of("fw"), true).join(); // as a REVIVE would: a run
    assertThat(offered()).as("nothing is offered while runs are deferred").isEmpty();

    actor.resumeRuns().join();
    actor.deferRuns(Duration.ofMinutes(1)).join(); // a barrier: the run queued by resumeRuns is done
    assertThat(offered()).extracting(o -> o.agentId().value()).containsExactlyInAnyOrder("a1", "a2");
    assertThat(offered()).allSatisfy(o -> assertThat(o.unavailability()).contains(window));
  }

  @Test
  void aDeferralThatIsNeverEndedLapses() {
    actor.start();
    actor.addFramework(FrameworkSpec.of("fw", "web"), true).join();

    actor.deferRuns(Duration.ZERO).join();
    addAgent("a1");
    actor.deferRuns(Duration.ofMinutes(1)).join(); // a barrier: the run triggered by the agent is done

    assertThat(offered()).extracting(o -> o.agentId().value()).containsExactly("a1");
  }

  private void addAgent(String id) {
    actor.addAgent(new AgentView(AgentId.of(id), id, new io.drydock.events.MachineId(id, "10.0.0.1"), Map.of()),
        Resources.parse("cpus:2;mem:1024"), null, List.of()).join();
  }

  private List<Offer> offered() {
    synchronized (offers) {
      return List.copyOf(offers);
    }
  }
}
