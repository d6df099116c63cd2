package io.drydock.master.allocation;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.Allocator;
import io.drydock.allocator.Filters;
import io.drydock.allocator.FrameworkId;
import io.drydock.allocator.FrameworkSpec;
import io.drydock.allocator.InverseOffer;
import io.drydock.allocator.InverseOfferStatus;
import io.drydock.allocator.MachineId;
import io.drydock.allocator.Offer;
import io.drydock.allocator.OfferId;
import io.drydock.allocator.Plan;
import io.drydock.allocator.Rescind;
import io.drydock.allocator.maintenance.Unavailability;
import io.drydock.allocator.resources.Resources;
import io.drydock.master.leader.LeaderOnly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the {@link Allocator} (whose contract is single-threaded) and the
 * {@link OfferBook} of outstanding offers and inverse offers. Every method enqueues work on that
 * thread and returns a future; allocation runs every interval (at a fixed rate: {@link FixedRateRuns}) and,
 * batched, after events that Mesos triggers a run for (agent added, framework activated, revive,
 * unavailability changed).
 */
public class AllocationActor implements LeaderOnly {

  private static final Logger log = LoggerFactory.getLogger(AllocationActor.class);

  private final Allocator allocator;
  private final AllocationMetrics metrics;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "allocation-actor");
    t.setDaemon(true);
    return t;
  });
  private final Map<AgentId, AgentView> agents = new HashMap<>();
  private final OfferBook book;
  private final Map<OfferId, Offer> offers;
  private final Map<OfferId, InverseOffer> inverseOffers;
  private final AllocationOperator operator;
  private final Set<FrameworkId> frameworks = new HashSet<>();
  private final Set<AgentId> pendingAgents = new HashSet<>();
  private boolean runPending;
  private boolean fullRunPending;
  private final RunDeferral deferral = new RunDeferral();
  private volatile boolean running;
  private final FixedRateRuns periodic;

  AllocationActor(Allocator allocator, OfferPublisher publisher, long intervalMillis, AllocationMetrics metrics) {
    this.allocator = allocator;
    this.metrics = metrics;
    this.book = new OfferBook(publisher, metrics);
    this.offers = book.offers;
    this.inverseOffers = book.inverseOffers;
    this.operator = new ActorOperator(allocator, book, agents, this::trigger);
    this.periodic = new FixedRateRuns((task, nanos) -> thread.schedule(task, nanos, TimeUnit.NANOSECONDS),
        System::nanoTime, intervalMillis, this::periodicRun);
  }

  // ---- agents ------------------------------------------------------------------------------

  /** Adds an agent with the resources its running tasks use (per framework and role). */
  public CompletableFuture<Void> addAgent(AgentView agent, Resources total, Unavailability unavailability,
      List<TaskUsage> used) {
    return run(() -> {
      allocator.addAgent(agent.id(), machineOf(agent), total, agent.attributes());
      agents.put(agent.id(), agent);
      for (TaskUsage u : used) {
        try {
          allocator.addAllocation(FrameworkId.of(u.frameworkId()), agent.id(), u.role(), u.resources());
        } catch (IllegalArgumentException e) {
          log.warn("Ignored the running task resources {} of framework {} on agent {}: {}", u.resources(),
              u.frameworkId(), agent.id(), e.getMessage());
        }
      }
      if (unavailability != null) {
        allocator.updateUnavailability(agent.id(), unavailability);
      }
      trigger(List.of(agent.id()));
      return null;
    });
  }

  /** Removes an agent; its offers and inverse offers are rescinded. Unknown agents are ignored. */
  public CompletableFuture<Void> removeAgent(AgentId id) {
    return run(() -> {
      if (agents.remove(id) != null) {
        publishRescinds(allocator.removeAgent(id));
      }
      return null;
    });
  }

  /** Sets or clears (null) an agent's unavailability: rescinds, then a run re-offers with it. */
  public CompletableFuture<Void> updateUnavailability(AgentId id, Unavailability unavailability) {
    return run(() -> {
      if (agents.containsKey(id)) {
        publishRescinds(allocator.updateUnavailability(id, unavailability));
        trigger(List.of(id));
      }
      return null;
    });
  }

  /**
   * Holds runs back (what they would cover stays pending) until {@link #resumeRuns()}, at most {@code atMost}:
   * the machines of one schedule applied meanwhile reach the offers together, as when Mesos applies a schedule.
   */
  public CompletableFuture<Void> deferRuns(Duration atMost) {
    return run(() -> deferral.start(atMost));
  }

  /** Ends {@link #deferRuns}: a run covers what was held back. */
  public CompletableFuture<Void> resumeRuns() {
    return run(() -> {
      if (deferral.end() && (fullRunPending || !pendingAgents.isEmpty())) {
        trigger(List.of());
      }
      return null;
    });
  }

  // ---- frameworks --------------------------------------------------------------------------

  /**
   * Adds a framework, or updates a known one (re-subscription: roles, capabilities, maintenance lookahead;
   * its outstanding offers in roles it left are rescinded); activates or deactivates it as given.
   */
  public CompletableFuture<Void> addFramework(FrameworkSpec spec, boolean active) {
    return run(() -> {
      if (!known(spec.id())) {
        allocator.addFramework(spec, false);
        frameworks.add(spec.id());
      } else {
        for (Offer offer : List.copyOf(offers.values())) {
          if (offer.frameworkId().equals(spec.id()) && !spec.roles().contains(offer.role())) {
            operator.rescind(offer.id());
          }
        }
        allocator.updateFramework(spec);
      }
      setActive(spec.id(), active);
      return null;
    });
  }

  /** Connected frameworks get offers; disconnected ones lose their outstanding offers (rescinded). */
  public CompletableFuture<Void> setActive(FrameworkId id, boolean active) {
    return run(() -> {
      if (!known(id)) {
        return null;
      }
      if (active) {
        allocator.activateFramework(id);
        trigger(null);
      } else {
        List<Rescind> rescinds = allocator.deactivateFramework(id);
        inverseOffers.values().removeIf(o -> o.frameworkId().equals(id));
        publishRescinds(rescinds);
      }
      return null;
    });
  }

  /** Removes a framework and everything it holds (its offers vanish without rescinds). */
  public CompletableFuture<Void> removeFramework(FrameworkId id) {
    return run(() -> {
      if (known(id)) {
        allocator.removeFramework(id);
        frameworks.remove(id);
        book.forget(id);
      }
      return null;
    });
  }

  public CompletableFuture<Void> suppress(FrameworkId id, Set<String> roles) {
    return run(() -> {
      if (known(id)) {
        allocator.suppressOffers(id, roles);
      }
      return null;
    });
  }

  public CompletableFuture<Void> revive(FrameworkId id, Set<String> roles) {
    return run(() -> {
      if (known(id)) {
        allocator.reviveOffers(id, roles);
        trigger(null);
      }
      return null;
    });
  }

  // ---- offers ------------------------------------------------------------------------------

  /**
   * ACCEPT: checks the offers, applies the operations in order (conversions and launches, see
   * {@link Acceptance}), keeps what the tasks use allocated and recovers the rest with {@code filters}.
   */
  public CompletableFuture<AcceptOutcome> accept(FrameworkId framework, List<String> offerIds,
      List<OfferOperation> operations, Filters filters) {
    return run(() -> new Acceptance(allocator, offers, framework, offerIds, operations, filters).apply());
  }

  /** DECLINE: the offers' resources come back with {@code filters}; unknown ids are ignored. */
  public CompletableFuture<Void> decline(FrameworkId framework, List<String> offerIds, Filters filters) {
    return run(() -> {
      for (String value : offerIds) {
        Offer offer = offers.get(OfferId.of(value));
        if (offer != null && offer.frameworkId().equals(framework)) {
          book.declined(offer);
          allocator.declineOffer(offer.id(), filters);
        }
      }
      return null;
    });
  }

  /** ACCEPT/DECLINE_INVERSE_OFFERS: records the answers of outstanding ids, ignores the others. */
  public CompletableFuture<List<InverseOfferAnswer>> answerInverseOffers(FrameworkId framework, List<String> ids,
      boolean accept, Filters filters) {
    return run(() -> {
      List<InverseOfferAnswer> answers = new ArrayList<>();
      for (String value : ids) {
        InverseOffer offer = inverseOffers.get(OfferId.of(value));
        if (offer == null || !offer.frameworkId().equals(framework) || !known(framework)) {
          continue;
        }
        InverseOfferStatus status = accept
            ? allocator.acceptInverseOffer(framework, offer.id(), filters)
            : allocator.declineInverseOffer(framework, offer.id(), filters);
        inverseOffers.remove(offer.id());
        AgentView agent = agents.get(offer.agentId());
        if (status != null && agent != null) {
          answers.add(new InverseOfferAnswer(status, agent.machine()));
        }
      }
      return answers;
    });
  }

  /** Resources of ended tasks come back (no filter, as Mesos does for terminal tasks). */
  public CompletableFuture<Void> recover(FrameworkId framework, AgentId agent, String role, Resources resources) {
    return run(() -> {
      if (known(framework) && agents.containsKey(agent) && !resources.isEmpty()) {
        try {
          allocator.recoverResources(framework, agent, role, resources, Filters.NONE);
        } catch (IllegalArgumentException e) {
          log.warn("Could not recover {} of framework {} on agent {}: {}", resources, framework, agent,
              e.getMessage());
        }
      }
      return null;
    });
  }

  /** Outstanding offers (a snapshot, for reads and tests). */
  public CompletableFuture<List<Offer>> outstandingOffers() {
    return run(() -> List.copyOf(offers.values()));
  }

  /** Any query or change of the allocator on its thread (reads, weights, quota). */
  public <T> CompletableFuture<T> call(java.util.function.Function<Allocator, T> work) {
    return run(() -> work.apply(allocator));
  }

  /**
   * Operator work (weights, quota, reservations, volumes) on the actor thread, with the allocator and the
   * book of outstanding offers; see {@link AllocationOperator}.
   */
  public <T> CompletableFuture<T> operate(java.util.function.Function<AllocationOperator, T> work) {
    return run(() -> work.apply(operator));
  }

  // ---- runs --------------------------------------------------------------------------------

  /** Requests a batched run over these agents, or all agents when null. */
  private void trigger(Collection<AgentId> agentIds) {
    if (agentIds == null) {
      fullRunPending = true;
    } else {
      pendingAgents.addAll(agentIds);
    }
    if (!runPending && running) {
      runPending = true;
      thread.execute(this::triggeredRun);
    }
  }

  private void triggeredRun() {
    runPending = false;
    if (deferral.holds()) {
      return;
    }
    long start = System.nanoTime();
    Plan plan;
    if (fullRunPending) {
      plan = allocator.allocate();
    } else if (!pendingAgents.isEmpty()) {
      plan = allocator.allocate(pendingAgents);
    } else {
      return;
    }
    metrics.cycle(Duration.ofNanos(System.nanoTime() - start));
    fullRunPending = false;
    pendingAgents.clear();
    apply(plan);
  }

  private void periodicRun() {
    if (deferral.holds()) {
      fullRunPending = true;
      return;
    }
    try {
      long start = System.nanoTime();
      Plan plan = allocator.allocate();
      metrics.cycle(Duration.ofNanos(System.nanoTime() - start));
      apply(plan);
    } catch (RuntimeException e) {
      log.error("Allocation run failed", e);
    }
  }

  private void apply(Plan plan) {
    book.publish(plan, agents);
  }

  private void publishRescinds(List<Rescind> rescinds) {
    book.rescind(rescinds);
  }

  private boolean known(FrameworkId id) {
    return frameworks.contains(id);
  }

  private static MachineId machineOf(AgentView agent) {
    return MachineId.of(agent.machine().hostname(), agent.machine().ip());
  }

  private <T> CompletableFuture<T> run(Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    thread.execute(() -> {
      try {
        result.complete(work.get());
      } catch (RuntimeException e) {
        log.warn("Allocation actor work failed: {}", e.toString());
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  @Override
  public synchronized void start() {
    running = true;
    periodic.start();
  }

  /** Stops allocating (leadership lost or context closing); the thread stays for {@link #start()}. */
  @Override
  public synchronized void stop() {
    running = false;
    periodic.stop();
  }

  /** Ends the actor thread (the context is closing). */
  public void close() {
    stop();
    thread.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
