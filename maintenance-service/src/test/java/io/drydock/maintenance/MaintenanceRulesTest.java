package io.drydock.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.Unavailability;
import io.drydock.maintenance.domain.InvalidMaintenanceException;
import io.drydock.maintenance.domain.MachineChange;
import io.drydock.maintenance.domain.MachineState;
import io.drydock.maintenance.domain.MaintenancePlan;
import io.drydock.maintenance.domain.MaintenanceValidation;
import io.drydock.maintenance.domain.Schedule;
import io.drydock.maintenance.domain.StoutJson;
import io.drydock.maintenance.domain.Window;
import io.drydock.maintenance.http.MaintenanceMessages;
import io.drydock.maintenance.http.ProtoException;
import io.drydock.maintenance.http.ProtoJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure maintenance rules and the stout JSON mapping, without Spring. */
class MaintenanceRulesTest {

  private static final Unavailability NOW = new Unavailability(0, 3_600_000_000_000L);

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "255.255.255.255", "127.0.0.1"})
  void acceptsDottedQuadIpv4(String ip) {
    assertThat(MaintenanceValidation.isIpv4(ip)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0.0", "256.0.0.1", "01.2.3.4", "1.2.3", "1..2.3", "::1", "a.b.c.d", " 1.2.3.4",
      "1.2.3.4.", ".1.2.3", "1.2.3.0004"})
  void refusesWhatInetPtonRefuses(String ip) {
    assertThat(MaintenanceValidation.isIpv4(ip)).isFalse();
  }

  @Test
  void hostnamesCompareCaseInsensitivelyAndPresenceMatters() {
    assertThat(new MachineId("A", null)).isEqualTo(new MachineId("a", null));
    assertThat(new MachineId("a", null)).isNotEqualTo(new MachineId("a", ""));
    assertThat(new MachineId("a", null)).isNotEqualTo(new MachineId("a", "1.2.3.4"));
  }

  @Test
  void duplicateMachinesDifferingOnlyInCaseAreRefused() {
    Schedule schedule = new Schedule(List.of(new Window(List.of(new MachineId("Machine1", null)), NOW),
        new Window(List.of(new MachineId("machine1", null)), NOW)));
    assertThatThrownBy(() -> MaintenanceValidation.schedule(schedule, List.of()))
        .isInstanceOf(InvalidMaintenanceException.class)
        .hasMessage("Machine '{\"hostname\":\"machine1\"}' appears more than once in the schedule");
  }

  @Test
  void windowChecksRunInMesosOrder() {
    Window emptyAndNegative = new Window(List.of(), new Unavailability(0, -1L));
    assertThatThrownBy(() -> MaintenanceValidation.schedule(new Schedule(List.of(emptyAndNegative)), List.of()))
        .hasMessage("List of machines in the maintenance window is empty");
    Window negativeAndBadIp = new Window(List.of(new MachineId("m", "1.2.3")), new Unavailability(0, -1L));
    assertThatThrownBy(() -> MaintenanceValidation.schedule(new Schedule(List.of(negativeAndBadIp)), List.of()))
        .hasMessage("Unavailability 'duration' is negative");
  }

  @Test
  void postingKeepsModesReappliesUnavailabilityAndReleasesLeftOutMachines() {
    MachineId a = new MachineId("a", "1.1.1.1");
    MachineId b = new MachineId("b", null);
    MachineId c = new MachineId("c", null);
    MachineId agentHost = new MachineId("d", "4.4.4.4");
    List<MachineState> current = List.of(new MachineState(a, MachineMode.DOWN, NOW),
        new MachineState(b, MachineMode.DRAINING, NOW), new MachineState(agentHost, MachineMode.UP, null));
    Unavailability later = new Unavailability(10, null);
    List<MachineChange> changes = MaintenancePlan.postSchedule(
        new Schedule(List.of(new Window(List.of(a, c, agentHost), later))), current);
    assertThat(changes).containsExactly(
        new MachineChange(a, MachineMode.DOWN, MachineMode.DOWN, later),
        new MachineChange(c, MachineMode.UP, MachineMode.DRAINING, later),
        new MachineChange(agentHost, MachineMode.UP, MachineMode.DRAINING, later),
        new MachineChange(b, MachineMode.DRAINING, MachineMode.UP, null));
  }

  @Test
  void downAndUpFollowTheModeRules() {
    MachineId known = new MachineId("agent-host", "1.2.3.4");
    List<MachineState> current = List.of(new MachineState(known, MachineMode.UP, null));
    assertThatThrownBy(() -> MaintenancePlan.down(List.of(known), current))
        .hasMessage("Machine '{\"hostname\":\"agent-host\",\"ip\":\"1.2.3.4\"}' is not in DRAINING mode and cannot be brought down");
    assertThatThrownBy(() -> MaintenancePlan.down(List.of(new MachineId("x", null)), current))
        .hasMessage("Machine '{\"hostname\":\"x\"}' is not part of a maintenance schedule");
    assertThatThrownBy(() -> MaintenancePlan.up(List.of(known), current))
        .hasMessage("Machine '{\"hostname\":\"agent-host\",\"ip\":\"1.2.3.4\"}' is not in DOWN mode and cannot be brought up");
  }

  @Test
  void stoutEscapesSlashesAndControlCharacters() {
    assertThat(StoutJson.machine(new MachineId("a/b\"\n\u0001", ""))).isEqualTo("{\"hostname\":\"a\\/b\\\"\\n\\u0001\",\"ip\":\"\"}");
  }

  @Test
  void protobufMappingIgnoresUnknownKeysAndAcceptsNumericStrings() {
    Schedule schedule = MaintenanceMessages.schedule(ProtoJson.parse(MaintenanceMessages.SCHEDULE, ProtoJson.parseJson(
        "{\"bogus\":1,\"windows\":[{\"machine_ids\":{\"hostname\":\"m\"},"
            + "\"unavailability\":{\"start\":{\"nanoseconds\":\"123\"},\"duration\":null}}]}")));
    assertThat(schedule.windows()).singleElement().satisfies(w -> {
      assertThat(w.machines()).containsExactly(new MachineId("m", null));
      assertThat(w.unavailability()).isEqualTo(new Unavailability(123, null));
    });
  }

  @Test
  void protobufMappingReportsMissingRequiredFieldsWithPaths() {
    assertThatThrownBy(() -> ProtoJson.parse(MaintenanceMessages.SCHEDULE, ProtoJson.parseJson(
        "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"a\"}]},"
            + "{\"machine_ids\":[],\"unavailability\":{\"start\":{}}}]}")))
        .isInstanceOf(ProtoException.class)
        .hasMessage("Missing required fields: windows[0].unavailability, windows[1].unavailability.start.nanoseconds");
  }

  @Test
  void protobufMappingRefusesWrongJsonTypes() {
    assertThatThrownBy(() -> ProtoJson.parse(MaintenanceMessages.MACHINE_ID, ProtoJson.parseJson("{\"hostname\":1}")))
        .hasMessage("Not expecting a JSON number for field 'hostname'");
    assertThatThrownBy(() -> ProtoJson.parse(MaintenanceMessages.SCHEDULE, ProtoJson.parseJson("{\"windows\":\"x\"}")))
        .hasMessage("Not expecting a JSON string for field 'windows'");
    assertThatThrownBy(() -> ProtoJson.parseArray(MaintenanceMessages.MACHINE_ID, ProtoJson.parseJson("[1]")))
        .hasMessage("Expecting a JSON object");
  }
}
