package io.drydock.sdk.maintenance;

import io.drydock.sdk.SchedulerDriver;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Performs a {@link MaintenancePolicy}'s actions with a {@link SchedulerDriver}. */
public final class MaintenanceActions {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceActions.class);

  private MaintenanceActions() {}

  /**
   * Answers inverse offers, kills and revives as the actions say; declines are logged with their
   * reason and also handed to {@code onDecline}. {@link MaintenanceAction.StartReplacement} is left to
   * the framework (it places replacements from offers, see {@link MaintenancePolicy#pendingReplacements()}).
   *
   * @param acceptRefuseSeconds the inverse-offer filter sent with an ACCEPT
   * @param declineRefuseSeconds the inverse-offer filter sent with a DECLINE: after it the master asks
   *     again, and the policy accepts once the agent is empty
   */
  public static void execute(SchedulerDriver driver, List<MaintenanceAction> actions, double acceptRefuseSeconds,
      double declineRefuseSeconds, Consumer<MaintenanceAction.DeclineInverseOffer> onDecline) {
    for (MaintenanceAction action : actions) {
      if (action instanceof MaintenanceAction.AcceptInverseOffer accept) {
        driver.acceptInverseOffers(List.of(accept.inverseOfferId()), acceptRefuseSeconds);
      } else if (action instanceof MaintenanceAction.DeclineInverseOffer decline) {
        log.warn("Declining inverse offer {} for agent {}: {}", decline.inverseOfferId(), decline.agentId(),
            decline.reason());
        driver.declineInverseOffers(List.of(decline.inverseOfferId()), declineRefuseSeconds);
        onDecline.accept(decline);
      } else if (action instanceof MaintenanceAction.Kill kill) {
        driver.kill(kill.taskId(), kill.agentId());
      } else if (action instanceof MaintenanceAction.Revive) {
        driver.revive(List.of());
      }
    }
  }
}
