package io.drydock.master.scheduler;

import io.drydock.allocator.role.Roles;
import io.drydock.master.allocation.AllocationProperties;
import io.drydock.master.framework.FrameworkInfo;
import io.drydock.master.framework.FrameworkRegistry;
import io.drydock.support.acl.AclAction;
import io.drydock.support.acl.Authorizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * SUBSCRIBE: validates the FrameworkInfo as Mesos does (roles, whitelist, principal), authorizes
 * {@code register_frameworks} for every role, then registers the framework and its topic.
 */
@Component
class Subscriptions {

  private final FrameworkRegistry frameworks;
  private final Authorizer authorizer;
  private final Set<String> whitelist;

  Subscriptions(FrameworkRegistry frameworks, Authorizer authorizer, AllocationProperties allocation) {
    this.frameworks = frameworks;
    this.authorizer = authorizer;
    this.whitelist = allocation.roles() == null || allocation.roles().isBlank() ? null
        : Roles.parseWhitelist(allocation.roles());
  }

  FrameworkInfo subscribe(JsonNode call, String principal) {
    JsonNode subscribe = Json.message(call, "subscribe");
    if (subscribe == null) {
      throw CallException.validation("Expecting 'subscribe' to be present");
    }
    JsonNode info = Json.message(subscribe, "framework_info");
    List<String> missing = new ArrayList<>();
    if (info == null) {
      missing.add("subscribe.framework_info");
    } else if (Json.string(info, "name") == null) {
      missing.add("subscribe.framework_info.name");
    }
    if (!missing.isEmpty()) {
      throw CallException.conversion("Missing required fields: " + String.join(", ", missing));
    }
    String frameworkId = Json.id(call, "framework_id");
    String infoId = Json.id(info, "id");
    if (!java.util.Objects.equals(frameworkId, infoId)) {
      throw CallException.validation("'framework_id' differs from 'subscribe.framework_info.id'");
    }
    String infoPrincipal = Json.string(info, "principal");
    if (principal != null && infoPrincipal != null && !principal.equals(infoPrincipal)) {
      throw CallException.validation("Authenticated principal '" + principal + "' does not match principal '"
          + infoPrincipal + "' set in `FrameworkInfo`");
    }
    Set<String> capabilities = new LinkedHashSet<>();
    for (JsonNode c : Json.repeated(info, "capabilities")) {
      String type = Json.string(c, "type");
      if (type != null) {
        capabilities.add(type);
      }
    }
    List<String> roles = roles(info, capabilities.contains("MULTI_ROLE"));
    Double failover = Json.number(info, "failover_timeout");
    FrameworkInfo framework = new FrameworkInfo(infoId, Json.string(info, "name"), Json.string(info, "user"),
        infoPrincipal != null ? infoPrincipal : principal, roles, capabilities,
        failover == null || failover < 0 ? 0 : failover, lookahead(info), Instant.EPOCH);
    Optional<FrameworkInfo> existing = frameworks.get(infoId);
    if (existing.isPresent() && !java.util.Objects.equals(existing.get().principal(), framework.principal())) {
      throw CallException.badRequest("Changing framework's principal is not allowed.");
    }
    try {
      if (!authorizer.isAllowedForAll(principal, AclAction.REGISTER_FRAMEWORKS, roles)) {
        throw new CallException(403, "");
      }
    } catch (Authorizer.AclsUnavailableException e) {
      throw new CallException(503, "Authorization failure: " + e.getMessage());
    }
    try {
      return frameworks.subscribe(framework);
    } catch (FrameworkRegistry.FrameworkRemovedException e) {
      throw new CallException(403, e.getMessage());
    }
  }

  /** {@code maintenance_lookahead_seconds} (beyond Mesos): absent, or a finite non-negative number. */
  private static Duration lookahead(JsonNode info) {
    Double seconds = Json.number(info, "maintenance_lookahead_seconds");
    if (seconds == null) {
      return null;
    }
    if (seconds.isNaN() || seconds.isInfinite() || seconds < 0) {
      throw CallException.badRequest("'FrameworkInfo.maintenance_lookahead_seconds' must be a non-negative number"
          + " of seconds, not " + seconds);
    }
    return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE));
  }

  private List<String> roles(JsonNode info, boolean multiRole) {
    String role = Json.string(info, "role");
    List<String> roles = new ArrayList<>();
    for (JsonNode r : Json.repeated(info, "roles")) {
      roles.add(r.isString() ? r.stringValue() : r.asString());
    }
    if (multiRole) {
      if (role != null) {
        throw CallException.badRequest("'FrameworkInfo.role' must not be set when the framework is MULTI_ROLE capable");
      }
      Set<String> seen = new LinkedHashSet<>();
      Set<String> duplicates = new TreeSet<>();
      for (String r : roles) {
        if (!seen.add(r)) {
          duplicates.add(r);
        }
      }
      if (!duplicates.isEmpty()) {
        throw CallException.badRequest("'FrameworkInfo.roles' contains duplicate items: { "
            + String.join(", ", duplicates) + " }");
      }
      for (String r : roles) {
        Roles.validate(r).ifPresent(m -> {
          throw CallException.badRequest("'FrameworkInfo.roles' contains invalid role: " + m);
        });
      }
      if (roles.isEmpty()) {
        throw CallException.badRequest("'FrameworkInfo.roles' must name at least one role");
      }
    } else {
      if (!roles.isEmpty()) {
        throw CallException.badRequest(
            "'FrameworkInfo.roles' must not be set when the framework is not MULTI_ROLE capable");
      }
      String single = role == null ? Roles.DEFAULT_ROLE : role;
      Roles.validate(single).ifPresent(m -> {
        throw CallException.badRequest("'FrameworkInfo.role' is not a valid role: " + m);
      });
      roles.add(single);
    }
    if (whitelist != null) {
      List<String> unknown = roles.stream().filter(r -> !whitelist.contains(r)).toList();
      if (!unknown.isEmpty()) {
        throw CallException.badRequest("Roles { " + String.join(", ", unknown)
            + " } are not present in the master's --roles");
      }
    }
    return roles;
  }
}
