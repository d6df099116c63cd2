package io.drydock.master.allocation;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.Allocator;
import io.drydock.allocator.Offer;
import io.drydock.allocator.OfferId;
import io.drydock.allocator.Rescind;
import io.drydock.allocator.resources.Resources;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** {@link AllocationOperator} over the actor's allocator, offer book and agents (actor thread only). */
final class ActorOperator implements AllocationOperator {

  private final Allocator allocator;
  private final OfferBook book;
  private final Map<AgentId, AgentView> agents;
  private final Consumer<Collection<AgentId>> trigger;

  ActorOperator(Allocator allocator, OfferBook book, Map<AgentId, AgentView> agents,
      Consumer<Collection<AgentId>> trigger) {
    this.allocator = allocator;
    this.book = book;
    this.agents = agents;
    this.trigger = trigger;
  }

  @Override
  public Allocator allocator() {
    return allocator;
  }

  @Override
  public List<Offer> offers() {
    return List.copyOf(book.offers.values());
  }

  @Override
  public void rescind(OfferId id) {
    Offer offer = book.offers.get(id);
    if (offer != null) {
      allocator.rescindOffer(id);
      book.rescind(List.of(new Rescind(id, offer.frameworkId(), offer.agentId(), Rescind.Kind.OFFER)));
    }
  }

  @Override
  public void allocateSoon(Collection<AgentId> agentIds) {
    trigger.accept(agentIds);
  }

  @Override
  public Set<AgentId> agents() {
    return Set.copyOf(agents.keySet());
  }

  @Override
  public void updateTotal(AgentId id, Resources total) {
    AgentView agent = agents.get(id);
    if (agent == null) {
      throw new IllegalArgumentException("Unknown agent " + id);
    }
    allocator.updateAgent(id, total, agent.attributes());
  }
}
