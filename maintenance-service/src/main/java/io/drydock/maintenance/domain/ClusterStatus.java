package io.drydock.maintenance.domain;

import io.drydock.events.MachineId;
import java.util.List;

/** What {@code /maintenance/status} shows: draining machines with their inverse-offer statuses, down machines. */
public record ClusterStatus(List<DrainingMachine> drainingMachines, List<MachineId> downMachines) {

  public ClusterStatus {
    drainingMachines = List.copyOf(drainingMachines);
    downMachines = List.copyOf(downMachines);
  }

  public static ClusterStatus empty() {
    return new ClusterStatus(List.of(), List.of());
  }

  /** A draining machine and the latest inverse-offer answer of each framework for each of its agents. */
  public record DrainingMachine(MachineId id, List<InverseOfferStatus> statuses) {
    public DrainingMachine {
      statuses = List.copyOf(statuses);
    }
  }
}
