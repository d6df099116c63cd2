package io.drydock.sdk.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.events.InverseOfferEvent;
import io.drydock.events.MachineId;
import io.drydock.events.OfferEvent;
import io.drydock.events.TaskState;
import io.drydock.events.Unavailability;
import io.drydock.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenancePolicyTest {

  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final MaintenancePolicy policy = new MaintenancePolicy(clock);

  @Test
  void longRunningTasksAreNotPlacedWhereAWindowIsComingButShortOnesThatEndBeforeItAre() {
    OfferEvent draining = offer("a1", window(T0.plus(Duration.ofHours(1)), Duration.ofHours(2)));

    assertThat(policy.conflict(draining, TaskRuntime.longRunning()))
        .hasValueSatisfying(reason -> assertThat(reason).contains("long-running").contains("2026-11-21T11:00:00Z"));
    assertThat(policy.placeable(draining, TaskRuntime.expected(Duration.ofMinutes(59)))).isTrue();
    assertThat(policy.placeable(draining, TaskRuntime.expected(Duration.ofMinutes(61)))).isFalse();
    assertThat(policy.placeable(offer("a2", null), TaskRuntime.longRunning())).isTrue();
  }

  @Test
  void aWindowThatIsOverNoLongerCountsButAnIndefiniteOneAlwaysDoes() {
    OfferEvent past = offer("a1", window(T0.minus(Duration.ofHours(3)), Duration.ofHours(1)));
    OfferEvent forever = offer("a2", new Unavailability(nanos(T0.minus(Duration.ofHours(3))), null));

    assertThat(policy.placeable(past, TaskRuntime.longRunning())).isTrue();
    assertThat(policy.conflict(forever, TaskRuntime.longRunning()))
        .hasValueSatisfying(reason -> assertThat(reason).contains("indefinitely"));
  }

  @Test
  void anInverseOfferMovesTheTaskReplacementFirstThenKillsThenAccepts() {
    policy.launched("web-1", "a1", TaskRuntime.longRunning());

    List<MaintenanceAction> onInverse = policy.inverseOffer(inverseOffer("io-1", "a1", T0.plusSeconds(600)));
    assertThat(onInverse).containsExactly(
        new MaintenanceAction.StartReplacement("web-1", "a1", TaskRuntime.longRunning()),
        new MaintenanceAction.Revive());
    assertThat(policy.pendingReplacements()).hasSize(1);

    policy.replacementLaunched("web-1", "web-1b", "a2");
    assertThat(policy.pendingReplacements()).as("one replacement in flight at most").isEmpty();
    assertThat(policy.statusUpdate("web-1b", TaskState.TASK_STARTING)).isEmpty();

    assertThat(policy.statusUpdate("web-1b", TaskState.TASK_RUNNING))
        .containsExactly(new MaintenanceAction.Kill("web-1", "a1"));
    assertThat(policy.statusUpdate("web-1b", TaskState.TASK_RUNNING)).as("killed once").isEmpty();

    assertThat(policy.statusUpdate("web-1", TaskState.TASK_KILLED))
        .containsExactly(new MaintenanceAction.AcceptInverseOffer("io-1", "a1"));
    assertThat(policy.outstandingInverseOffers()).isEmpty();
    assertThat(policy.pendingReplacements()).isEmpty();
  }

  @Test
  void anAgentWithNothingThatMustMoveIsAcceptedAtOnce() {
    policy.launched("batch-1", "a1", TaskRuntime.expected(Duration.ofMinutes(5)));

    assertThat(policy.inverseOffer(inverseOffer("io-1", "a1", T0.plus(Duration.ofMinutes(10)))))
        .containsExactly(new MaintenanceAction.AcceptInverseOffer("io-1", "a1"));
    assertThat(policy.inverseOffer(inverseOffer("io-2", "a9", T0.plus(Duration.ofMinutes(10)))))
        .as("an agent where the framework only held offers")
        .containsExactly(new MaintenanceAction.AcceptInverseOffer("io-2", "a9"));
  }

  @Test
  void aReplacementThatFailsBeforeRunningIsAskedForAgainAndTheOriginalKeepsRunning() {
    policy.launched("web-1", "a1", TaskRuntime.longRunning());
    policy.inverseOffer(inverseOffer("io-1", "a1", T0.plusSeconds(600)));
    policy.replacementLaunched("web-1", "web-1b", "a2");

    assertThat(policy.statusUpdate("web-1b", TaskState.TASK_FAILED)).containsExactly(
        new MaintenanceAction.StartReplacement("web-1", "a1", TaskRuntime.longRunning()),
        new MaintenanceAction.Revive());
    assertThat(policy.pendingReplacements()).extracting(MaintenanceAction.StartReplacement::taskId)
        .containsExactly("web-1");
  }

  @Test
  void declinesWithAReasonWhenTheWindowStartsBeforeTheTaskCouldMoveThenAcceptsWhenAskedAgain() {
    policy.launched("web-1", "a1", TaskRuntime.longRunning());
    policy.inverseOffer(inverseOffer("io-1", "a1", T0.plusSeconds(60)));

    clock.advance(Duration.ofSeconds(59));
    assertThat(policy.tick()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    List<MaintenanceAction> due = policy.tick();
    assertThat(due).singleElement().isInstanceOfSatisfying(MaintenanceAction.DeclineInverseOffer.class, d -> {
      assertThat(d.inverseOfferId()).isEqualTo("io-1");
      assertThat(d.reason()).contains("web-1 (no offer fit a replacement)").contains("2026-11-21T10:01:00Z");
    });
    assertThat(policy.tick()).as("declined once").isEmpty();
    assertThat(policy.pendingReplacements()).as("still trying to move").hasSize(1);

    policy.replacementLaunched("web-1", "web-1b", "a2");
    policy.statusUpdate("web-1b", TaskState.TASK_RUNNING);
    assertThat(policy.statusUpdate("web-1", TaskState.TASK_KILLED)).isEmpty();
    assertThat(policy.inverseOffer(inverseOffer("io-2", "a1", T0.plusSeconds(60))))
        .containsExactly(new MaintenanceAction.AcceptInverseOffer("io-2", "a1"));
  }

  @Test
  void aDeclineMarginDeclinesAheadOfTheWindow() {
    MaintenancePolicy early = new MaintenancePolicy(clock, Duration.ofSeconds(30));
    early.launched("web-1", "a1", TaskRuntime.longRunning());
    early.inverseOffer(inverseOffer("io-1", "a1", T0.plusSeconds(60)));

    clock.advance(Duration.ofSeconds(30));
    assertThat(early.tick()).singleElement().isInstanceOf(MaintenanceAction.DeclineInverseOffer.class);
  }

  @Test
  void aRescindedInverseOfferIsNotAnsweredButTheMoveGoesOn() {
    policy.launched("web-1", "a1", TaskRuntime.longRunning());
    policy.inverseOffer(inverseOffer("io-1", "a1", T0.plusSeconds(60)));
    policy.inverseOfferRescinded("io-1");

    clock.advance(Duration.ofSeconds(61));
    assertThat(policy.tick()).isEmpty();
    assertThat(policy.pendingReplacements()).hasSize(1);
  }

  @Test
  void everyMoveIsFinalUnderRandomizedRollingWindows() {
    // Seeded: tasks spread over agents; windows on random agents; replacements go only where placeable.
    for (long seed = 1; seed <= 50; seed++) {
      java.util.Random random = new java.util.Random(seed);
      MutableClock fake = new MutableClock(T0);
      MaintenancePolicy p = new MaintenancePolicy(fake);
      int agents = 12;
      Map<String, Unavailability> windows = new java.util.HashMap<>();
      for (int a = 0; a < agents; a++) {
        if (random.nextBoolean()) {
          windows.put("a" + a, window(T0.plusSeconds(60 + random.nextInt(600)), Duration.ofMinutes(10)));
        }
      }
      Map<String, String> agentOf = new java.util.HashMap<>();
      for (int t = 0; t < 20; t++) {
        String agent = "a" + random.nextInt(agents);
        p.launched("t" + t, agent, TaskRuntime.longRunning());
        agentOf.put("t" + t, agent);
      }
      windows.forEach((agent, u) -> p.inverseOffer(new InverseOfferEvent("io-" + agent, "fw", agent, agent,
          new MachineId(agent, "10.0.0.1"), u)));
      int moves = 0;
      for (MaintenanceAction.StartReplacement start : p.pendingReplacements()) {
        String target = null;
        for (int a = 0; a < agents && target == null; a++) {
          if (p.placeable(offer("a" + a, windows.get("a" + a)), TaskRuntime.longRunning())) {
            target = "a" + a;
          }
        }
        if (target == null) {
          continue;
        }
        String replacement = start.taskId() + "'";
        p.replacementLaunched(start.taskId(), replacement, target);
        agentOf.put(replacement, target);
        moves++;
        for (MaintenanceAction kill : p.statusUpdate(replacement, TaskState.TASK_RUNNING)) {
          p.statusUpdate(((MaintenanceAction.Kill) kill).taskId(), TaskState.TASK_KILLED);
        }
      }
      assertThat(p.pendingReplacements()).as("seed %d", seed).isEmpty();
      long affected = agentOf.entrySet().stream()
          .filter(e -> !e.getKey().endsWith("'") && windows.containsKey(e.getValue())).count();
      assertThat(moves).as("seed %d: one move per affected task", seed).isEqualTo((int) affected);
      assertThat(p.outstandingInverseOffers()).as("seed %d: every inverse offer accepted", seed).isEmpty();
    }
  }

  // ---- builders ----------------------------------------------------------------------------

  private static OfferEvent offer(String agentId, Unavailability unavailability) {
    return new OfferEvent("o-" + agentId, "fw", agentId, agentId, new MachineId(agentId, "10.0.0.1"), "*",
        List.of(), Map.of(), unavailability);
  }

  private static InverseOfferEvent inverseOffer(String id, String agentId, Instant start) {
    return new InverseOfferEvent(id, "fw", agentId, agentId, new MachineId(agentId, "10.0.0.1"),
        window(start, Duration.ofHours(1)));
  }

  private static Unavailability window(Instant start, Duration duration) {
    return new Unavailability(nanos(start), duration.toNanos());
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
