package io.drydock.bench.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The maintenance scenario, scaled down (6 simulated agents, 4 machines in 2 rolling windows, 4
 * replicas), against the real standalone suite: with the SDK's policy every replica on a maintained
 * machine moves exactly once and the service never runs fewer replicas than declared.
 */
class MaintenanceScenarioTest {

  @Test
  @Timeout(value = 300)
  void theSdkPolicyMovesEveryAffectedReplicaExactlyOnceWithoutDroppingBelowItsMinimum() throws Exception {
    MaintenanceScenario.Config quick = MaintenanceScenario.Config.quick();

    MaintenanceScenario.Result result = MaintenanceScenario.run(quick, MaintenanceScenario.Variant.SDK_POLICY);

    assertThat(result.affected()).as("every replica starts on a maintained machine").isEqualTo(quick.replicas());
    assertThat(result.perAffected()).as("migrations per affected replica").isEqualTo(1.00);
    assertThat(result.maxMoves()).as("no replica moved twice").isEqualTo(1);
    assertThat(result.minRunning()).as("fewest replicas running").isGreaterThanOrEqualTo(quick.minReplicas());
    assertThat(result.declined()).as("inverse offers declined").isZero();
  }
}
