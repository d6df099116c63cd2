package io.drydock.master.reservation;

import io.drydock.allocator.resources.Reservation;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.Resources;
import io.drydock.master.agent.RegistrationGate;
import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.Authorizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An agent's static reservations ({@code cpus(sales):4}) are authorized with RESERVE_RESOURCES for the agent's
 * principal when it (re-)registers; when one is denied the agent is not registered (spec §5.2, Mesos's
 * {@code UnauthorizedToStaticallyReserveResources}).
 */
@Component
class StaticReservations implements RegistrationGate {

  private static final Logger log = LoggerFactory.getLogger(StaticReservations.class);

  private final Authorizer authorizer;

  StaticReservations(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  @Override
  public String refusal(String principal, String resources) {
    Resources total;
    try {
      total = Resources.parse(resources);
    } catch (RuntimeException e) {
      return null; // the registration itself refuses a bad resources string, with its message
    }
    for (Resource r : total.items()) {
      for (Reservation reservation : r.reservations()) {
        if (reservation.type() == Reservation.Type.STATIC
            && !authorizer.isAllowed(principal, AclAction.RESERVE_RESOURCES, reservation.role())) {
          log.warn("Agent of principal '{}' refused: may not statically reserve {} for role '{}'", principal, r,
              reservation.role());
          return "Not authorized to statically reserve resources for role '" + reservation.role() + "' as '"
              + principal + "'";
        }
      }
    }
    return null;
  }
}
