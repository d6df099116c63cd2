package io.drydock.maintenance.http;

import static io.drydock.maintenance.http.ProtoType.Kind.INT64;
import static io.drydock.maintenance.http.ProtoType.Kind.STRING;

import io.drydock.events.MachineId;
import io.drydock.events.Unavailability;
import io.drydock.maintenance.domain.ClusterStatus;
import io.drydock.maintenance.domain.InverseOfferStatus;
import io.drydock.maintenance.domain.Schedule;
import io.drydock.maintenance.domain.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The maintenance messages of {@code maintenance.proto} and {@code mesos.proto} (spec §1.2) and their
 * conversion to and from the domain records.
 */
public final class MaintenanceMessages {

  public static final ProtoType MACHINE_ID = ProtoType.message("MachineID")
      .optional("hostname", STRING)
      .optional("ip", STRING);
  public static final ProtoType TIME_INFO = ProtoType.message("TimeInfo").required("nanoseconds", INT64);
  public static final ProtoType DURATION_INFO = ProtoType.message("DurationInfo").required("nanoseconds", INT64);
  public static final ProtoType UNAVAILABILITY = ProtoType.message("Unavailability")
      .requiredMessage("start", () -> TIME_INFO)
      .optionalMessage("duration", () -> DURATION_INFO);
  public static final ProtoType WINDOW = ProtoType.message("Window")
      .repeatedMessage("machine_ids", () -> MACHINE_ID)
      .requiredMessage("unavailability", () -> UNAVAILABILITY);
  public static final ProtoType SCHEDULE = ProtoType.message("Schedule").repeatedMessage("windows", () -> WINDOW);
  public static final ProtoType FRAMEWORK_ID = ProtoType.message("FrameworkID").required("value", STRING);
  public static final ProtoType INVERSE_OFFER_STATUS = ProtoType.message("InverseOfferStatus")
      .requiredEnum("status", Set.of("UNKNOWN", "ACCEPT", "DECLINE"))
      .requiredMessage("framework_id", () -> FRAMEWORK_ID)
      .requiredMessage("timestamp", () -> TIME_INFO);
  public static final ProtoType DRAINING_MACHINE = ProtoType.message("ClusterStatus.DrainingMachine")
      .requiredMessage("id", () -> MACHINE_ID)
      .repeatedMessage("statuses", () -> INVERSE_OFFER_STATUS);
  public static final ProtoType CLUSTER_STATUS = ProtoType.message("ClusterStatus")
      .repeatedMessage("draining_machines", () -> DRAINING_MACHINE)
      .repeatedMessage("down_machines", () -> MACHINE_ID);

  private MaintenanceMessages() {}

  public static Schedule schedule(ProtoMessage message) {
    List<Window> windows = new ArrayList<>();
    for (ProtoMessage window : message.messages("windows")) {
      windows.add(new Window(machineIds(window.messages("machine_ids")), unavailability(window.message("unavailability"))));
    }
    return new Schedule(windows);
  }

  public static List<MachineId> machineIds(List<ProtoMessage> messages) {
    return messages.stream().map(m -> new MachineId(m.string("hostname"), m.string("ip"))).toList();
  }

  public static Unavailability unavailability(ProtoMessage message) {
    ProtoMessage duration = message.message("duration");
    return new Unavailability(message.message("start").int64("nanoseconds"),
        duration == null ? null : duration.int64("nanoseconds"));
  }

  public static ProtoMessage toMessage(Schedule schedule) {
    ProtoMessage result = new ProtoMessage(SCHEDULE);
    for (Window window : schedule.windows()) {
      ProtoMessage w = new ProtoMessage(WINDOW);
      window.machines().forEach(id -> w.add("machine_ids", toMessage(id)));
      w.set("unavailability", toMessage(window.unavailability()));
      result.add("windows", w);
    }
    return result;
  }

  public static ProtoMessage toMessage(MachineId id) {
    return new ProtoMessage(MACHINE_ID).set("hostname", id.hostname()).set("ip", id.ip());
  }

  public static ProtoMessage toMessage(Unavailability unavailability) {
    ProtoMessage result = new ProtoMessage(UNAVAILABILITY)
        .set("start", new ProtoMessage(TIME_INFO).set("nanoseconds", unavailability.startNanos()));
    if (unavailability.durationNanos() != null) {
      result.set("duration", new ProtoMessage(DURATION_INFO).set("nanoseconds", unavailability.durationNanos()));
    }
    return result;
  }

  public static ProtoMessage toMessage(ClusterStatus status) {
    ProtoMessage result = new ProtoMessage(CLUSTER_STATUS);
    for (ClusterStatus.DrainingMachine draining : status.drainingMachines()) {
      ProtoMessage machine = new ProtoMessage(DRAINING_MACHINE).set("id", toMessage(draining.id()));
      for (InverseOfferStatus s : draining.statuses()) {
        machine.add("statuses", new ProtoMessage(INVERSE_OFFER_STATUS)
            .set("status", s.status())
            .set("framework_id", new ProtoMessage(FRAMEWORK_ID).set("value", s.frameworkId()))
            .set("timestamp", new ProtoMessage(TIME_INFO).set("nanoseconds", s.timestampNanos())));
      }
      result.add("draining_machines", machine);
    }
    status.downMachines().forEach(id -> result.add("down_machines", toMessage(id)));
    return result;
  }
}
