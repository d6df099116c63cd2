package io.drydock.support.acl;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every action of Mesos's ACL document (acls.proto; spec §8.2): its JSON key, the key of its object
 * entity, whether the object may only be {@code ANY} or {@code NONE} (Mesos refuses to start with
 * {@code SOME} there), and whether role objects are hierarchical (the {@code role/%} wildcard).
 */
public enum AclAction {
  REGISTER_FRAMEWORKS("register_frameworks", "roles", false, true),
  RUN_TASKS("run_tasks", "users", false, false),
  TEARDOWN_FRAMEWORKS("teardown_frameworks", "framework_principals", false, false),
  RESERVE_RESOURCES("reserve_resources", "roles", false, true),
  UNRESERVE_RESOURCES("unreserve_resources", "reserver_principals", false, false),
  CREATE_VOLUMES("create_volumes", "roles", false, true),
  DESTROY_VOLUMES("destroy_volumes", "creator_principals", false, false),
  RESIZE_VOLUMES("resize_volumes", "roles", false, true),
  GET_QUOTAS("get_quotas", "roles", false, true),
  UPDATE_QUOTAS("update_quotas", "roles", false, true),
  VIEW_ROLES("view_roles", "roles", false, true),
  UPDATE_WEIGHTS("update_weights", "roles", false, true),
  GET_ENDPOINTS("get_endpoints", "paths", false, false),
  VIEW_FRAMEWORKS("view_frameworks", "users", false, false),
  VIEW_TASKS("view_tasks", "users", false, false),
  VIEW_EXECUTORS("view_executors", "users", false, false),
  ACCESS_SANDBOXES("access_sandboxes", "users", false, false),
  ACCESS_MESOS_LOGS("access_mesos_logs", "logs", true, false),
  VIEW_FLAGS("view_flags", "flags", true, false),
  SET_LOG_LEVEL("set_log_level", "level", true, false),
  REGISTER_AGENTS("register_agents", "agents", true, false),
  UPDATE_MAINTENANCE_SCHEDULES("update_maintenance_schedules", "machines", true, false),
  GET_MAINTENANCE_SCHEDULES("get_maintenance_schedules", "machines", true, false),
  START_MAINTENANCES("start_maintenances", "machines", true, false),
  STOP_MAINTENANCES("stop_maintenances", "machines", true, false),
  GET_MAINTENANCE_STATUSES("get_maintenance_statuses", "machines", true, false),
  DRAIN_AGENTS("drain_agents", "agents", true, false),
  DEACTIVATE_AGENTS("deactivate_agents", "agents", true, false),
  REACTIVATE_AGENTS("reactivate_agents", "agents", true, false),
  MARK_AGENTS_GONE("mark_agents_gone", "agents", true, false),
  LAUNCH_NESTED_CONTAINERS_AS_USER("launch_nested_containers_as_user", "users", false, false),
  LAUNCH_NESTED_CONTAINERS_UNDER_PARENT_WITH_USER(
      "launch_nested_containers_under_parent_with_user", "users", false, false),
  LAUNCH_NESTED_CONTAINER_SESSIONS_AS_USER("launch_nested_container_sessions_as_user", "users", false, false),
  LAUNCH_NESTED_CONTAINER_SESSIONS_UNDER_PARENT_WITH_USER(
      "launch_nested_container_sessions_under_parent_with_user", "users", false, false),
  ATTACH_CONTAINERS_INPUT("attach_containers_input", "users", false, false),
  ATTACH_CONTAINERS_OUTPUT("attach_containers_output", "users", false, false),
  KILL_NESTED_CONTAINERS("kill_nested_containers", "users", false, false),
  WAIT_NESTED_CONTAINERS("wait_nested_containers", "users", false, false),
  REMOVE_NESTED_CONTAINERS("remove_nested_containers", "users", false, false),
  VIEW_CONTAINERS("view_containers", "users", false, false),
  LAUNCH_STANDALONE_CONTAINERS("launch_standalone_containers", "users", true, false),
  KILL_STANDALONE_CONTAINERS("kill_standalone_containers", "users", true, false),
  WAIT_STANDALONE_CONTAINERS("wait_standalone_containers", "users", true, false),
  REMOVE_STANDALONE_CONTAINERS("remove_standalone_containers", "users", true, false),
  VIEW_STANDALONE_CONTAINERS("view_standalone_containers", "users", true, false),
  MODIFY_RESOURCE_PROVIDER_CONFIGS("modify_resource_provider_configs", "resource_providers", false, false),
  MARK_RESOURCE_PROVIDERS_GONE("mark_resource_providers_gone", "resource_providers", false, false),
  VIEW_RESOURCE_PROVIDERS("view_resource_providers", "resource_providers", false, false),
  PRUNE_IMAGES("prune_images", "images", false, false),
  CREATE_BLOCK_DISKS("create_block_disks", "roles", false, true),
  DESTROY_BLOCK_DISKS("destroy_block_disks", "roles", false, true),
  CREATE_MOUNT_DISKS("create_mount_disks", "roles", false, true),
  DESTROY_MOUNT_DISKS("destroy_mount_disks", "roles", false, true),
  DESTROY_RAW_DISKS("destroy_raw_disks", "roles", false, true);

  private static final Map<String, AclAction> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(AclAction::jsonKey, Function.identity()));

  private final String jsonKey;
  private final String objectKey;
  private final boolean anyOrNoneOnly;
  private final boolean hierarchicalRoles;

  AclAction(String jsonKey, String objectKey, boolean anyOrNoneOnly, boolean hierarchicalRoles) {
    this.jsonKey = jsonKey;
    this.objectKey = objectKey;
    this.anyOrNoneOnly = anyOrNoneOnly;
    this.hierarchicalRoles = hierarchicalRoles;
  }

  /** The action's key in the ACL JSON document, e.g. {@code register_frameworks}. */
  public String jsonKey() {
    return jsonKey;
  }

  /** The key of the action's object entity, e.g. {@code roles}. */
  public String objectKey() {
    return objectKey;
  }

  /** Whether the object entity may only be {@code ANY} or {@code NONE}. */
  public boolean anyOrNoneOnly() {
    return anyOrNoneOnly;
  }

  /** Whether objects are roles matched hierarchically ({@code eng/%}). */
  public boolean hierarchicalRoles() {
    return hierarchicalRoles;
  }

  /**
   * The name of the action's protobuf message in Mesos's {@code acls.proto}, as Mesos's error messages
   * spell it ({@code ACL.UpdateMaintenanceSchedule}): the JSON key in CamelCase, plural words singular.
   */
  public String mesosName() {
    StringBuilder name = new StringBuilder("ACL.");
    for (String word : jsonKey.split("_")) {
      String singular = word;
      if (!word.equals("mesos") && !word.equals("as") && !word.endsWith("ss") && word.endsWith("s")) {
        singular = word.endsWith("uses") ? word.substring(0, word.length() - 2) : word.substring(0, word.length() - 1);
      }
      name.append(Character.toUpperCase(singular.charAt(0))).append(singular.substring(1));
    }
    return name.toString();
  }

  /** The action with this JSON key, if any. */
  public static Optional<AclAction> fromJsonKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }
}
