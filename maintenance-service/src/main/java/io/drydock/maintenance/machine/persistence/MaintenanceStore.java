package io.drydock.maintenance.machine.persistence;

import io.drydock.events.InverseOfferResponded;
import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.Unavailability;
import io.drydock.maintenance.domain.ClusterStatus;
import io.drydock.maintenance.domain.InverseOfferStatus;
import io.drydock.maintenance.domain.MachineChange;
import io.drydock.maintenance.domain.MachineState;
import io.drydock.maintenance.domain.Schedule;
import io.drydock.maintenance.domain.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The maintenance state in PostgreSQL, as domain records. Mutating methods must run inside the caller's
 * transaction after {@link #lock()}.
 */
@Component
public class MaintenanceStore {

  private final ScheduleStateRepository state;
  private final MachineRepository machines;
  private final KnownMachineRepository known;
  private final InverseOfferResponseRepository responses;

  MaintenanceStore(ScheduleStateRepository state, MachineRepository machines, KnownMachineRepository known,
      InverseOfferResponseRepository responses) {
    this.state = state;
    this.machines = machines;
    this.known = known;
    this.responses = responses;
  }

  /** Locks the state row until the transaction ends and returns the current revision. */
  public long lock() {
    return state.lock().revision;
  }

  /** Moves to the next revision (inside the locked transaction) and returns it. */
  public long nextRevision(String principal, Instant now) {
    ScheduleStateEntity entity = state.lock();
    entity.revision++;
    entity.updatedAt = now;
    entity.updatedBy = principal;
    return entity.revision;
  }

  /** The machine map: scheduled machines in schedule order, then the known UP machines. */
  public List<MachineState> machineMap() {
    List<MachineState> result = new ArrayList<>();
    Set<String> scheduled = new HashSet<>();
    for (MachineEntity entity : machines.findAllByOrderByWindowIndexAscMachineIndexAsc()) {
      scheduled.add(entity.machineKey);
      result.add(new MachineState(id(entity), entity.mode, unavailability(entity)));
    }
    for (KnownMachineEntity entity : known.findAllByOrderByIdAsc()) {
      if (!scheduled.contains(entity.machineKey)) {
        result.add(new MachineState(new MachineId(entity.hostname, entity.ip), MachineMode.UP, null));
      }
    }
    return result;
  }

  /** The schedule: scheduled machines grouped by window, hostnames as posted. */
  public Schedule schedule() {
    List<Window> windows = new ArrayList<>();
    List<MachineId> current = new ArrayList<>();
    Integer currentIndex = null;
    Unavailability currentUnavailability = null;
    for (MachineEntity entity : machines.findAllByOrderByWindowIndexAscMachineIndexAsc()) {
      if (currentIndex != null && currentIndex != entity.windowIndex) {
        windows.add(new Window(current, currentUnavailability));
        current = new ArrayList<>();
      }
      currentIndex = entity.windowIndex;
      currentUnavailability = unavailability(entity);
      current.add(id(entity));
    }
    if (!current.isEmpty()) {
      windows.add(new Window(current, currentUnavailability));
    }
    return new Schedule(windows);
  }

  /**
   * Stores a posted schedule: scheduled machines get their window position, unavailability and mode
   * (their recorded inverse-offer responses are cleared, as the unavailability is re-applied); machines
   * that left the schedule are deleted.
   */
  public void replaceSchedule(Schedule next, List<MachineChange> changes, Instant now) {
    Map<String, MachineEntity> existing = machines.findAll().stream()
        .collect(Collectors.toMap(e -> e.machineKey, e -> e));
    Map<String, MachineChange> byKey = new HashMap<>();
    for (MachineChange change : changes) {
      byKey.put(MachineKeys.of(change.machine()), change);
    }
    List<Long> reapplied = new ArrayList<>();
    for (int w = 0; w < next.windows().size(); w++) {
      Window window = next.windows().get(w);
      for (int m = 0; m < window.machines().size(); m++) {
        MachineId id = window.machines().get(m);
        String key = MachineKeys.of(id);
        MachineEntity entity = existing.remove(key);
        if (entity == null) {
          entity = new MachineEntity(key, id.hostname(), id.ip());
        } else {
          reapplied.add(entity.id);
          entity.hostname = id.hostname();
          entity.ip = id.ip();
        }
        entity.mode = Objects.requireNonNull(byKey.get(key), "no change planned for a scheduled machine").mode();
        entity.startNanos = window.unavailability().startNanos();
        entity.durationNanos = window.unavailability().durationNanos();
        entity.windowIndex = w;
        entity.machineIndex = m;
        entity.unavailabilityAppliedAt = now;
        entity.updatedAt = now;
        machines.save(entity);
      }
    }
    if (!reapplied.isEmpty()) {
      responses.deleteByMachineIds(reapplied);
    }
    machines.deleteAll(existing.values());
    machines.flush();
  }

  /** Sets the mode of the given scheduled machines. */
  public void setMode(List<MachineId> ids, MachineMode mode, Instant now) {
    Set<String> keys = ids.stream().map(MachineKeys::of).collect(Collectors.toSet());
    for (MachineEntity entity : machines.findAll()) {
      if (keys.contains(entity.machineKey)) {
        entity.mode = mode;
        entity.updatedAt = now;
      }
    }
    machines.flush();
  }

  /** Takes machines out of the schedule (windows left empty disappear with them). */
  public void remove(List<MachineId> ids) {
    Set<String> keys = ids.stream().map(MachineKeys::of).collect(Collectors.toSet());
    machines.deleteAll(machines.findAll().stream().filter(e -> keys.contains(e.machineKey)).toList());
    machines.flush();
  }

  /** Records that an agent registered on this machine, making it an (UP) member of the machine map. */
  public void machineSeen(MachineId id) {
    known.insertIfAbsent(MachineKeys.of(id), id.hostname(), id.ip());
  }

  /**
   * Records a framework's answer for a draining machine.
   *
   * @return why it was not recorded, or {@code null} when it was
   */
  public String recordResponse(UUID eventId, InverseOfferResponded response) {
    String key = MachineKeys.of(response.machine());
    MachineEntity machine = machines.findAll().stream()
        .filter(e -> e.machineKey.equals(key)).findFirst().orElse(null);
    if (machine == null || machine.mode != MachineMode.DRAINING) {
      return "the machine is not draining";
    }
    if (response.respondedAt().isBefore(machine.unavailabilityAppliedAt)) {
      return "it answers an inverse offer made before the machine's unavailability was last applied";
    }
    responses.upsertLatest(machine.id, response.frameworkId(), response.agentId(), response.response().name(),
        nanos(response.respondedAt()), eventId);
    return null;
  }

  /** Draining machines with their responses, then down machines, in schedule order. */
  public ClusterStatus status() {
    List<MachineEntity> all = machines.findAllByOrderByWindowIndexAscMachineIndexAsc();
    List<Long> drainingIds = all.stream().filter(e -> e.mode == MachineMode.DRAINING).map(e -> e.id).toList();
    Map<Long, List<InverseOfferStatus>> statuses = new HashMap<>();
    if (!drainingIds.isEmpty()) {
      for (InverseOfferResponseEntity r : responses.findByMachineIdInOrderByFrameworkIdAscAgentIdAsc(drainingIds)) {
        statuses.computeIfAbsent(r.machineId, k -> new ArrayList<>())
            .add(new InverseOfferStatus(r.response, r.frameworkId, r.agentId, r.respondedAtNanos));
      }
    }
    List<ClusterStatus.DrainingMachine> draining = new ArrayList<>();
    List<MachineId> down = new ArrayList<>();
    for (MachineEntity entity : all) {
      if (entity.mode == MachineMode.DRAINING) {
        draining.add(new ClusterStatus.DrainingMachine(id(entity), statuses.getOrDefault(entity.id, List.of())));
      } else if (entity.mode == MachineMode.DOWN) {
        down.add(id(entity));
      }
    }
    return new ClusterStatus(draining, down);
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static MachineId id(MachineEntity entity) {
    return new MachineId(entity.hostname, entity.ip);
  }

  private static Unavailability unavailability(MachineEntity entity) {
    return new Unavailability(entity.startNanos, entity.durationNanos);
  }
}
