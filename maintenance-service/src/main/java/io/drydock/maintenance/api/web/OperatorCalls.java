package io.drydock.maintenance.api.web;

import io.drydock.maintenance.http.MaintenanceMessages;
import io.drydock.maintenance.http.ProtoType;
import java.util.Set;

/** The parts of {@code v1::master::Call} and {@code Response} that maintenance-service serves. */
final class OperatorCalls {

  /** Every call type of {@code v1/master/master.proto}; an unknown name leaves {@code type} unset. */
  static final Set<String> CALL_TYPES = Set.of("UNKNOWN", "GET_HEALTH", "GET_FLAGS", "GET_VERSION", "GET_METRICS",
      "GET_LOGGING_LEVEL", "SET_LOGGING_LEVEL", "LIST_FILES", "READ_FILE", "GET_STATE", "GET_AGENTS",
      "GET_FRAMEWORKS", "GET_EXECUTORS", "GET_OPERATIONS", "GET_TASKS", "GET_ROLES", "GET_WEIGHTS",
      "UPDATE_WEIGHTS", "GET_MASTER", "SUBSCRIBE", "RESERVE_RESOURCES", "UNRESERVE_RESOURCES", "CREATE_VOLUMES",
      "DESTROY_VOLUMES", "GROW_VOLUME", "SHRINK_VOLUME", "GET_MAINTENANCE_STATUS", "GET_MAINTENANCE_SCHEDULE",
      "UPDATE_MAINTENANCE_SCHEDULE", "START_MAINTENANCE", "STOP_MAINTENANCE", "DRAIN_AGENT", "DEACTIVATE_AGENT",
      "REACTIVATE_AGENT", "GET_QUOTA", "UPDATE_QUOTA", "SET_QUOTA", "REMOVE_QUOTA", "TEARDOWN",
      "MARK_AGENT_GONE");

  static final ProtoType UPDATE_MAINTENANCE_SCHEDULE = ProtoType.message("Call.UpdateMaintenanceSchedule")
      .requiredMessage("schedule", () -> MaintenanceMessages.SCHEDULE);
  static final ProtoType START_MAINTENANCE = ProtoType.message("Call.StartMaintenance")
      .repeatedMessage("machines", () -> MaintenanceMessages.MACHINE_ID);
  static final ProtoType STOP_MAINTENANCE = ProtoType.message("Call.StopMaintenance")
      .repeatedMessage("machines", () -> MaintenanceMessages.MACHINE_ID);
  static final ProtoType CALL = ProtoType.message("Call")
      .optionalEnum("type", CALL_TYPES)
      .optionalMessage("update_maintenance_schedule", () -> UPDATE_MAINTENANCE_SCHEDULE)
      .optionalMessage("start_maintenance", () -> START_MAINTENANCE)
      .optionalMessage("stop_maintenance", () -> STOP_MAINTENANCE);

  static final ProtoType GET_MAINTENANCE_STATUS = ProtoType.message("Response.GetMaintenanceStatus")
      .requiredMessage("status", () -> MaintenanceMessages.CLUSTER_STATUS);
  static final ProtoType GET_MAINTENANCE_SCHEDULE = ProtoType.message("Response.GetMaintenanceSchedule")
      .requiredMessage("schedule", () -> MaintenanceMessages.SCHEDULE);
  static final ProtoType RESPONSE = ProtoType.message("Response")
      .optionalEnum("type", CALL_TYPES)
      .optionalMessage("get_maintenance_status", () -> GET_MAINTENANCE_STATUS)
      .optionalMessage("get_maintenance_schedule", () -> GET_MAINTENANCE_SCHEDULE);

  private OperatorCalls() {}
}
