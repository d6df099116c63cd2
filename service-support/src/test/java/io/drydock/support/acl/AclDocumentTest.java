package io.drydock.support.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Mesos's local-authorizer semantics (spec §8), over every action. */
class AclDocumentTest {

  /** The object an allowed request names: a role, user ... or, for ANY/NONE-only actions, none. */
  private static String objectOf(AclAction action) {
    return action.anyOrNoneOnly() ? null : "thing";
  }

  private static String allowAliceDenyBob(AclAction action, boolean permissive) {
    String object = action.anyOrNoneOnly() ? "{\"type\":\"ANY\"}" : "{\"values\":[\"thing\"]}";
    return """
        {"permissive": %s, "%s": [
          {"principals": {"values": ["alice"]}, "%s": %s},
          {"principals": {"values": ["bob"]}, "%s": {"type": "NONE"}}
        ]}""".formatted(permissive, action.jsonKey(), action.objectKey(), object, action.objectKey());
  }

  static Stream<Arguments> everyActionPermissiveOrNot() {
    return Arrays.stream(AclAction.values())
        .flatMap(action -> Stream.of(Arguments.of(action, true), Arguments.of(action, false)));
  }

  @ParameterizedTest(name = "{0} permissive={1}")
  @MethodSource("everyActionPermissiveOrNot")
  void matrixOverEveryAction(AclAction action, boolean permissive) {
    AclDocument acls = AclDocument.parse(allowAliceDenyBob(action, permissive));
    String object = objectOf(action);

    assertThat(acls.isAllowed("alice", action, object)).as("allowed principal").isTrue();
    assertThat(acls.isAllowed("bob", action, object)).as("denied principal").isFalse();
    assertThat(acls.isAllowed("carol", action, object)).as("unknown principal: permissive").isEqualTo(permissive);
    assertThat(acls.isAllowed(null, action, object)).as("no credentials: subject ANY").isEqualTo(permissive);
    if (!action.anyOrNoneOnly()) {
      assertThat(acls.isAllowed("alice", action, "other")).as("other object").isEqualTo(permissive);
      assertThat(acls.isAllowed("alice", action, null)).as("no object: ANY").isEqualTo(permissive);
    }
    // every action is known to the parser and not confused with another
    assertThat(acls.acls(action)).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(AclAction.class)
  void noneAsPrincipalsDeniesEveryoneIncludingAnonymous(AclAction action) {
    AclDocument acls = AclDocument.parse("""
        {"%s": [{"principals": {"type": "NONE"}, "%s": {"type": "ANY"}}]}"""
        .formatted(action.jsonKey(), action.objectKey()));
    assertThat(acls.isAllowed("alice", action, objectOf(action))).isFalse();
    assertThat(acls.isAllowed(null, action, objectOf(action))).isFalse();
  }

  @Test
  void firstMatchWinsSoOrderMatters() {
    AclDocument acls = AclDocument.parse("""
        {"update_weights": [
          {"principals": {"type": "NONE"}, "roles": {"type": "ANY"}},
          {"principals": {"values": ["admin"]}, "roles": {"type": "ANY"}}]}""");
    assertThat(acls.isAllowed("admin", AclAction.UPDATE_WEIGHTS, "r")).isFalse();
  }

  @Test
  void anyPrincipalsLetAnonymousRequestsMatch() {
    AclDocument acls = AclDocument.parse("""
        {"permissive": false, "view_roles": [{"principals": {"type": "ANY"}, "roles": {"values": ["dev"]}}]}""");
    assertThat(acls.isAllowed(null, AclAction.VIEW_ROLES, "dev")).isTrue();
    assertThat(acls.isAllowed("x", AclAction.VIEW_ROLES, "dev")).isTrue();
    assertThat(acls.isAllowed("x", AclAction.VIEW_ROLES, "prod")).isFalse();
  }

  @Test
  void maintenanceObjectsAreAlwaysAny() {
    AclDocument acls = AclDocument.parse("""
        {"permissive": false, "get_maintenance_schedules":
          [{"principals": {"values": ["ops"]}, "machines": {"type": "ANY"}}]}""");
    assertThat(acls.isAllowed("ops", AclAction.GET_MAINTENANCE_SCHEDULES, "host-1")).isTrue();
  }

  @Test
  void hierarchicalWildcardCoversDescendantsButNotTheRoleItself() {
    AclDocument acls = AclDocument.parse("""
        {"permissive": false, "register_frameworks":
          [{"principals": {"values": ["fw"]}, "roles": {"values": ["eng/%"]}}]}""");
    assertThat(acls.isAllowed("fw", AclAction.REGISTER_FRAMEWORKS, "eng/a")).isTrue();
    assertThat(acls.isAllowed("fw", AclAction.REGISTER_FRAMEWORKS, "eng/a/b")).isTrue();
    assertThat(acls.isAllowed("fw", AclAction.REGISTER_FRAMEWORKS, "eng")).isFalse();
    assertThat(acls.isAllowed("fw", AclAction.REGISTER_FRAMEWORKS, "engineering")).isFalse();
    assertThat(acls.isAllowed("other", AclAction.REGISTER_FRAMEWORKS, "eng/a")).isFalse();
  }

  @Test
  void multiValueAclsWithWildcardsAreSplitAsMesosDoes() {
    AclDocument acls = AclDocument.parse("""
        {"permissive": false, "reserve_resources":
          [{"principals": {"values": ["ops"]}, "roles": {"values": ["eng", "eng/%", "ops/%", "dev"]}}]}""");
    assertThat(acls.acls(AclAction.RESERVE_RESOURCES)).hasSize(3);
    for (String role : List.of("eng", "eng/x", "ops/y/z", "dev")) {
      assertThat(acls.isAllowed("ops", AclAction.RESERVE_RESOURCES, role)).as(role).isTrue();
    }
    assertThat(acls.isAllowed("ops", AclAction.RESERVE_RESOURCES, "ops")).isFalse();
  }

  @Test
  void wildcardIsLiteralForNonHierarchicalActions() {
    AclDocument acls = AclDocument.parse("""
        {"permissive": false, "run_tasks": [{"principals": {"values": ["fw"]}, "users": {"values": ["eng/%"]}}]}""");
    assertThat(acls.isAllowed("fw", AclAction.RUN_TASKS, "eng/a")).isFalse();
    assertThat(acls.isAllowed("fw", AclAction.RUN_TASKS, "eng/%")).isTrue();
  }

  @Test
  void everyRoleOfAFrameworkMustBeApprovedAndNoRolesFallsToPermissive() {
    AclDocument acls = AclDocument.parse("""
        {"permissive": false, "register_frameworks":
          [{"principals": {"values": ["fw"]}, "roles": {"values": ["a", "b/%"]}}]}""");
    assertThat(acls.isAllowedForAll("fw", AclAction.REGISTER_FRAMEWORKS, List.of("a", "b/c"))).isTrue();
    assertThat(acls.isAllowedForAll("fw", AclAction.REGISTER_FRAMEWORKS, List.of("a", "b"))).isFalse();
    assertThat(acls.isAllowedForAll("fw", AclAction.REGISTER_FRAMEWORKS, List.of())).isFalse();
  }

  @Test
  void anEmptyDocumentIsPermissive() {
    assertThat(AclDocument.parse("{}").isAllowed("x", AclAction.TEARDOWN_FRAMEWORKS, "y")).isTrue();
  }

  static Stream<AclAction> anyOrNoneOnlyActions() {
    return Arrays.stream(AclAction.values()).filter(AclAction::anyOrNoneOnly);
  }

  @ParameterizedTest
  @MethodSource("anyOrNoneOnlyActions")
  void someIsRejectedWhereOnlyAnyOrNoneIsAllowed(AclAction action) {
    String json = """
        {"%s": [{"principals": {"type": "ANY"}, "%s": {"values": ["x"]}}]}"""
        .formatted(action.jsonKey(), action.objectKey());
    assertThatThrownBy(() -> AclDocument.parse(json))
        .isInstanceOf(InvalidAclsException.class)
        .hasMessage(action.mesosName() + " type must be either NONE or ANY");
  }

  @Test
  void mesosNamesFollowAclsProto() {
    assertThat(AclAction.UPDATE_MAINTENANCE_SCHEDULES.mesosName()).isEqualTo("ACL.UpdateMaintenanceSchedule");
    assertThat(AclAction.GET_MAINTENANCE_STATUSES.mesosName()).isEqualTo("ACL.GetMaintenanceStatus");
    assertThat(AclAction.ACCESS_MESOS_LOGS.mesosName()).isEqualTo("ACL.AccessMesosLog");
    assertThat(AclAction.MARK_AGENTS_GONE.mesosName()).isEqualTo("ACL.MarkAgentGone");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "not json", "[]", "{\"permissive\": \"yes\"}", "{\"fly_to_moon\": []}",
      "{\"run_tasks\": {}}", "{\"run_tasks\": [{\"principals\": {\"values\": []}, \"users\": {\"type\": \"ANY\"}}]}",
      "{\"run_tasks\": [{\"principals\": {}, \"users\": {\"type\": \"ANY\"}}]}",
      "{\"run_tasks\": [{\"users\": {\"type\": \"ANY\"}}]}",
      "{\"run_tasks\": [{\"principals\": {\"type\": \"ANY\"}}]}",
      "{\"run_tasks\": [{\"principals\": {\"type\": \"SOMETIMES\"}, \"users\": {\"type\": \"ANY\"}}]}",
      "{\"run_tasks\": [{\"principals\": {\"values\": [1]}, \"users\": {\"type\": \"ANY\"}}]}",
      "{\"run_tasks\": [{\"principals\": {\"type\": \"ANY\"}, \"roles\": {\"type\": \"ANY\"}}]}"})
  void malformedDocumentsAreRejectedWithAMessage(String json) {
    assertThatThrownBy(() -> AclDocument.parse(json))
        .isInstanceOf(InvalidAclsException.class)
        .hasMessageStartingWith("Failed to parse ACLs");
  }

  @Test
  void authorizerRefusesUntilItHasASnapshotAndNeverGoesBack() {
    LocalAuthorizer authorizer = new LocalAuthorizer();
    assertThatThrownBy(() -> authorizer.isAllowed("a", AclAction.VIEW_ROLES, "r"))
        .isInstanceOf(Authorizer.AclsUnavailableException.class);
    assertThat(authorizer.update(new AclSnapshot(2, AclDocument.parse("{\"permissive\": false}")))).isTrue();
    assertThat(authorizer.update(new AclSnapshot(1, AclDocument.PERMISSIVE))).isFalse();
    assertThat(authorizer.isAllowed("a", AclAction.VIEW_ROLES, "r")).isFalse();
  }
}
