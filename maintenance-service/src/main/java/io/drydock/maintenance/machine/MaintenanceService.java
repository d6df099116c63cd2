package io.drydock.maintenance.machine;

import io.drydock.events.InverseOfferResponded;
import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.maintenance.audit.AuditTrail;
import io.drydock.maintenance.domain.ClusterStatus;
import io.drydock.maintenance.domain.MachineChange;
import io.drydock.maintenance.domain.MachineState;
import io.drydock.maintenance.domain.MaintenancePlan;
import io.drydock.maintenance.domain.MaintenanceValidation;
import io.drydock.maintenance.domain.NotAuthorizedException;
import io.drydock.maintenance.domain.Schedule;
import io.drydock.maintenance.machine.messaging.MachineStateEvents;
import io.drydock.maintenance.machine.persistence.MaintenanceStore;
import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.Authorizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maintenance operations of Mesos (spec §1.5, §1.6) over the persisted state. Checks run in Mesos's
 * order: validation (400), then authorization (403), then the change. Changes of all replicas serialize
 * on one row lock, so the last committed schedule wins as a whole.
 */
@Service
public class MaintenanceService {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceService.class);

  private final MaintenanceStore store;
  private final MachineStateEvents events;
  private final AuditTrail audit;
  private final Authorizer authorizer;
  private final Clock clock;

  MaintenanceService(MaintenanceStore store, MachineStateEvents events, AuditTrail audit, Authorizer authorizer,
      Clock clock) {
    this.store = store;
    this.events = events;
    this.audit = audit;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  /** The schedule as the principal may see it: all of it, or nothing (machines are always ANY objects). */
  @Transactional(readOnly = true)
  public Schedule schedule(String principal) {
    if (!authorizer.isAllowed(principal, AclAction.GET_MAINTENANCE_SCHEDULES, null)) {
      return Schedule.empty();
    }
    return store.schedule();
  }

  /** The cluster status as the principal may see it. */
  @Transactional(readOnly = true)
  public ClusterStatus status(String principal) {
    if (!authorizer.isAllowed(principal, AclAction.GET_MAINTENANCE_STATUSES, null)) {
      return ClusterStatus.empty();
    }
    return store.status();
  }

  /** Replaces the schedule (UPDATE_MAINTENANCE_SCHEDULE, {@code POST /maintenance/schedule}). */
  @Transactional
  public void updateSchedule(String principal, String reason, Schedule next) {
    store.lock();
    List<MachineState> current = store.machineMap();
    MaintenanceValidation.schedule(next, current);
    authorize(principal, AclAction.UPDATE_MAINTENANCE_SCHEDULES);
    List<MachineChange> changes = MaintenancePlan.postSchedule(next, current);
    Instant now = clock.instant();
    store.replaceSchedule(next, changes, now);
    commit("UPDATE_MAINTENANCE_SCHEDULE", principal, reason, changes, now);
  }

  /** DRAINING → DOWN (START_MAINTENANCE, {@code POST /machine/down}). */
  @Transactional
  public void startMaintenance(String principal, String reason, List<MachineId> ids) {
    MaintenanceValidation.machines(ids);
    store.lock();
    List<MachineChange> changes = MaintenancePlan.down(ids, store.machineMap());
    authorize(principal, AclAction.START_MAINTENANCES);
    Instant now = clock.instant();
    store.setMode(changes.stream().map(MachineChange::machine).toList(), MachineMode.DOWN, now);
    commit("START_MAINTENANCE", principal, reason, changes, now);
  }

  /** DOWN → UP, leaving the schedule (STOP_MAINTENANCE, {@code POST /machine/up}). */
  @Transactional
  public void stopMaintenance(String principal, String reason, List<MachineId> ids) {
    MaintenanceValidation.machines(ids);
    store.lock();
    List<MachineChange> changes = MaintenancePlan.up(ids, store.machineMap());
    authorize(principal, AclAction.STOP_MAINTENANCES);
    Instant now = clock.instant();
    store.remove(changes.stream().map(MachineChange::machine).toList());
    commit("STOP_MAINTENANCE", principal, reason, changes, now);
  }

  /**
   * Records a framework's inverse-offer answer. Idempotent on the event id; answers for machines that are
   * not draining, or older than the machine's last unavailability, are dropped.
   */
  @Transactional
  public void inverseOfferResponded(UUID eventId, InverseOfferResponded response) {
    store.lock();
    String dropped = store.recordResponse(eventId, response);
    if (dropped != null) {
      log.info("Ignored {} of framework {} for machine {}: {}", response.response(), response.frameworkId(),
          response.machine(), dropped);
    }
  }

  /**
   * Makes a machine that hosts (or hosted) an agent a member of the machine map in mode UP, so that
   * {@code /machine/down} on it says "not in DRAINING mode" rather than "not part of a maintenance schedule".
   */
  @Transactional
  public void agentRegistered(MachineId machine) {
    store.machineSeen(machine);
  }

  private void authorize(String principal, AclAction action) {
    if (!authorizer.isAllowed(principal, action, null)) {
      throw new NotAuthorizedException(principal + " may not " + action.jsonKey());
    }
  }

  private void commit(String action, String principal, String reason, List<MachineChange> changes, Instant now) {
    long revision = store.nextRevision(principal, now);
    audit.record(now, action, principal, reason, revision, changes);
    events.announce(changes, revision, principal, reason, now);
    log.info("{} by {} (revision {}): {} machine change(s){}", action, principal == null ? "anonymous" : principal,
        revision, changes.size(), reason == null ? "" : ", reason: " + reason);
  }
}
