package io.drydock.master.allocation;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.Allocator;
import io.drydock.allocator.Offer;
import io.drydock.allocator.OfferId;
import io.drydock.allocator.resources.Resources;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What operator work may do on the allocation actor's thread. Only valid inside {@link AllocationActor#operate}. */
public interface AllocationOperator {
  Allocator allocator();

  /** The outstanding offers. */
  List<Offer> offers();

  /** Rescinds an outstanding offer: its resources return without a filter and the rescind is published. */
  void rescind(OfferId id);

  /** Requests an allocation run over these agents, or all when null. */
  void allocateSoon(Collection<AgentId> agentIds);

  /** The agents known to the allocator. */
  Set<AgentId> agents();

  /** Changes an agent's total (operator RESERVE/UNRESERVE/CREATE/DESTROY); it must contain the allocated. */
  void updateTotal(AgentId id, Resources total);
}
