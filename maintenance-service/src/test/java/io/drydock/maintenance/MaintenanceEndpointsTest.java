package io.drydock.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent-free scenarios of Mesos's {@code master_maintenance_tests.cpp} over HTTP: schedule validation,
 * machine identity, down/up rules and messages, status shape, method and prefix handling.
 */
class MaintenanceEndpointsTest extends MaintenanceHttpTest {

  static final String M1 = machine("Machine1", "0.0.0.1");
  static final String M2 = machine("Machine2", "0.0.0.2");
  static final String M3 = machine("Machine3", "0.0.0.3");

  @Test
  void emptyScheduleRendersAsEmptyObject() {
    HttpResponse<String> response = get("/maintenance/schedule");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(response.body()).isEqualTo("{}");
  }

  @Test
  void machinesStillDrainingAfterTheirWindowStartedAreCountedAsOverdue() {
    long nowNanos = System.currentTimeMillis() * 1_000_000L;
    assertOk(post("/maintenance/schedule", schedule(window(nowNanos - 60_000_000_000L, M1, M2),
        window(nowNanos + 3_600_000_000_000L, M3))));
    await().atMost(Duration.ofSeconds(10)).until(() -> overdue() == 2.0);

    assertOk(post("/machine/down", "[" + M1 + "]"));
    await().atMost(Duration.ofSeconds(10)).until(() -> overdue() == 1.0);
  }

  double overdue() {
    HttpResponse<String> r = get("/actuator/prometheus");
    assertThat(r.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("(?m)^drydock_maintenance_draining_overdue(?:\\{[^}]*})? (\\S+)$").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void postedScheduleIsReturnedAsPostedWithCasePreserved() {
    String schedule = schedule(window(1443830400000000000L, M1, M2), window(1443834000000000000L, M3));
    assertOk(post("/maintenance/schedule", schedule));
    assertThat(get("/maintenance/schedule").body()).isEqualTo(schedule);
    assertThat(get("/master/maintenance/schedule").body()).isEqualTo(schedule);
  }

  @Test
  void scheduleValidationFollowsMesosRulesAndMessages() {
    assertBadRequest(post("/maintenance/schedule", schedule(window(0, M1, machine("machine1", "0.0.0.1")))),
        "Machine '{\"hostname\":\"machine1\",\"ip\":\"0.0.0.1\"}' appears more than once in the schedule");
    assertBadRequest(post("/maintenance/schedule", schedule(window(0, M1), window(0, M1))),
        "Machine '{\"hostname\":\"Machine1\",\"ip\":\"0.0.0.1\"}' appears more than once in the schedule");
    assertBadRequest(post("/maintenance/schedule", schedule(window(0, "{}"))),
        "Both 'hostname' and 'ip' for a machine are empty");
    assertBadRequest(post("/maintenance/schedule", schedule(window(0, "{\"hostname\":\"\",\"ip\":\"\"}"))),
        "Both 'hostname' and 'ip' for a machine are empty");
    assertBadRequest(post("/maintenance/schedule", schedule(window(0, machine("Machine1", "0.0.0.0.0")))),
        "Failed to parse IPv4: 0.0.0.0.0");
    assertBadRequest(post("/maintenance/schedule", schedule(window(0))),
        "List of machines in the maintenance window is empty");
    assertBadRequest(post("/maintenance/schedule", "{\"windows\":[{\"machine_ids\":[" + M1 + "],\"unavailability\":"
            + "{\"start\":{\"nanoseconds\":0},\"duration\":{\"nanoseconds\":-1}}}]}"),
        "Unavailability 'duration' is negative");
    assertBadRequest(post("/maintenance/schedule", "{\"windows\":[{\"machine_ids\":[" + M1 + "]}]}"),
        "Missing required fields: windows[0].unavailability");
    assertBadRequest(post("/maintenance/schedule", "[]"), "Unexpected JSON type parsed");
    assertThat(post("/maintenance/schedule", "{\"windows\":").statusCode()).isEqualTo(400);
    assertThat(get("/maintenance/schedule").body()).isEqualTo("{}");
  }

  @Test
  void pastStartsNumericStringsUnknownKeysAndInfiniteDurationsAreAccepted() {
    assertOk(post("/maintenance/schedule", "{\"comment\":\"x\",\"windows\":[{\"machine_ids\":[" + M1
        + "],\"unavailability\":{\"start\":{\"nanoseconds\":\"-10\"}}}]}"));
    assertThat(get("/maintenance/schedule").body()).isEqualTo(
        "{\"windows\":[{\"machine_ids\":[" + M1 + "],\"unavailability\":{\"start\":{\"nanoseconds\":-10}}}]}");
  }

  @Test
  void machinesWithOnlyHostnameOrOnlyIpAndEmptyIpAreDistinct() {
    assertOk(post("/maintenance/schedule", schedule(window(0, machine("a", null), machine("a", "1.2.3.4"),
        "{\"hostname\":\"a\",\"ip\":\"\"}", machine(null, "1.2.3.4")))));
    assertThat(get("/maintenance/status").body()).isEqualTo("{\"draining_machines\":["
        + "{\"id\":{\"hostname\":\"a\"}},{\"id\":{\"hostname\":\"a\",\"ip\":\"1.2.3.4\"}},"
        + "{\"id\":{\"hostname\":\"a\",\"ip\":\"\"}},{\"id\":{\"ip\":\"1.2.3.4\"}}]}");
  }

  @Test
  void downMachinesCannotBeRemovedFromTheSchedule() {
    assertOk(post("/maintenance/schedule", schedule(window(0, M1, M2))));
    assertOk(post("/machine/down", "[" + M1 + "]"));
    assertBadRequest(post("/maintenance/schedule", schedule(window(0, M2))),
        "Machine '{\"hostname\":\"Machine1\",\"ip\":\"0.0.0.1\"}' is deactivated and cannot be removed from the schedule");
    assertBadRequest(post("/maintenance/schedule", "{}"),
        "Machine '{\"hostname\":\"Machine1\",\"ip\":\"0.0.0.1\"}' is deactivated and cannot be removed from the schedule");
    // Kept (even in another window, with another unavailability) it stays DOWN.
    assertOk(post("/maintenance/schedule", schedule(window(5, M2), window(7, machine("MACHINE1", "0.0.0.1")))));
    assertThat(get("/maintenance/status").body()).isEqualTo("{\"draining_machines\":[{\"id\":" + M2 + "}],"
        + "\"down_machines\":[{\"hostname\":\"MACHINE1\",\"ip\":\"0.0.0.1\"}]}");
  }

  @Test
  void bringDownFollowsTheModeRules() {
    assertBadRequest(post("/machine/down", "[]"), "List of machines is empty");
    assertBadRequest(post("/machine/down", "[" + M1 + "]"),
        "Machine '{\"hostname\":\"Machine1\",\"ip\":\"0.0.0.1\"}' is not part of a maintenance schedule");
    assertOk(post("/maintenance/schedule", schedule(window(0, M1, M2), window(0, M3))));
    assertBadRequest(post("/machine/down", "[" + M1 + "," + machine("machine1", "0.0.0.1") + "]"),
        "Machine '{\"hostname\":\"machine1\",\"ip\":\"0.0.0.1\"}' appears more than once in the schedule");
    assertBadRequest(post("/machine/down", "[" + machine("Machine1", null) + "]"),
        "Machine '{\"hostname\":\"Machine1\"}' is not part of a maintenance schedule");
    assertBadRequest(post("/machine/down", "[{\"hostname\":\"x\",\"ip\":\"1.2.3.256\"}]"), "Failed to parse IPv4: 1.2.3.256");
    assertBadRequest(post("/machine/down", "{}"), "Unexpected JSON type parsed");
    assertBadRequest(post("/machine/down", "[1]"), "Expecting a JSON object");
    assertOk(post("/machine/down", "[" + machine("MACHINE1", "0.0.0.1") + "," + M3 + "]"));
    assertBadRequest(post("/machine/down", "[" + M1 + "]"),
        "Machine '{\"hostname\":\"Machine1\",\"ip\":\"0.0.0.1\"}' is not in DRAINING mode and cannot be brought down");
    assertThat(get("/maintenance/status").body()).isEqualTo(
        "{\"draining_machines\":[{\"id\":" + M2 + "}],\"down_machines\":[" + M1 + "," + M3 + "]}");
  }

  @Test
  void aMachineKnownFromAnAgentIsUpNotUnknown() {
    jdbc.update("INSERT INTO maintenance.known_machine (machine_key, hostname, ip, first_seen_at)"
        + " VALUES ('h5:agent|i7:1.2.3.4', 'agent', '1.2.3.4', now())");
    assertBadRequest(post("/machine/down", "[" + machine("Agent", "1.2.3.4") + "]"),
        "Machine '{\"hostname\":\"Agent\",\"ip\":\"1.2.3.4\"}' is not in DRAINING mode and cannot be brought down");
    assertBadRequest(post("/machine/up", "[" + machine("agent", "1.2.3.4") + "]"),
        "Machine '{\"hostname\":\"agent\",\"ip\":\"1.2.3.4\"}' is not in DOWN mode and cannot be brought up");
    assertThat(get("/maintenance/status").body()).isEqualTo("{}");
  }

  @Test
  void bringUpFollowsTheModeRulesAndLeavesTheSchedule() {
    assertOk(post("/maintenance/schedule", schedule(window(0, M1, M2), window(0, M3))));
    assertBadRequest(post("/machine/up", "[]"), "List of machines is empty");
    assertBadRequest(post("/machine/up", "[" + machine("Machine4", null) + "]"),
        "Machine '{\"hostname\":\"Machine4\"}' is not part of a maintenance schedule");
    assertBadRequest(post("/machine/up", "[" + M1 + "]"),
        "Machine '{\"hostname\":\"Machine1\",\"ip\":\"0.0.0.1\"}' is not in DOWN mode and cannot be brought up");
    assertOk(post("/machine/down", "[" + M1 + "," + M3 + "]"));
    assertOk(post("/machine/up", "[" + M3 + "]"));
    assertThat(get("/maintenance/schedule").body()).isEqualTo(schedule(window(0, M1, M2)));
    assertOk(post("/machine/up", "[" + M1 + "]"));
    assertThat(get("/maintenance/schedule").body()).isEqualTo(schedule(window(0, M2)));
    assertThat(get("/maintenance/status").body()).isEqualTo("{\"draining_machines\":[{\"id\":" + M2 + "}]}");
    assertBadRequest(post("/machine/up", "[" + M1 + "]"),
        "Machine '{\"hostname\":\"Machine1\",\"ip\":\"0.0.0.1\"}' is not part of a maintenance schedule");
    // A machine brought up may be scheduled again: DRAINING.
    assertOk(post("/maintenance/schedule", schedule(window(0, M2, M1))));
    assertThat(get("/maintenance/status").body()).isEqualTo("{\"draining_machines\":[{\"id\":" + M2 + "},{\"id\":" + M1 + "}]}");
    // An empty schedule cancels all maintenance.
    assertOk(post("/maintenance/schedule", "{\"windows\":[]}"));
    assertThat(get("/maintenance/schedule").body()).isEqualTo("{}");
    assertThat(get("/maintenance/status").body()).isEqualTo("{}");
  }

  @Test
  void wrongMethodsGetMesos405WithAllow() {
    HttpResponse<String> put = send("PUT", "/maintenance/schedule", "{}", PRINCIPAL, SECRET, null);
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
    assertThat(put.body()).isEqualTo("405 Method Not Allowed. Expecting one of { 'GET', 'POST' }, but received 'PUT'.");
    HttpResponse<String> getDown = get("/master/machine/down");
    assertThat(getDown.statusCode()).isEqualTo(405);
    assertThat(getDown.headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<String> postStatus = post("/maintenance/status", "");
    assertThat(postStatus.statusCode()).isEqualTo(405);
    assertThat(postStatus.body()).isEqualTo("405 Method Not Allowed. Expecting one of { 'GET' }, but received 'POST'.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/maintenance/schedule", "/maintenance/status"})
  void getsSupportJsonp(String path) {
    HttpResponse<String> response = get(path + "?jsonp=callback");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
    assertThat(response.body()).isEqualTo("callback({});");
  }

  @Test
  void badInputNeverYieldsAServerError() {
    for (String body : new String[] {"", "null", "nul", "{\"windows\":{\"machine_ids\":true}}",
        "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"a\\u0000\"}],\"unavailability\":{\"start\":{\"nanoseconds\":1e400}}}]}",
        "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"a\\u0000\"}],\"unavailability\":{\"start\":{\"nanoseconds\":1}}}]}",
        "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"a\"}],\"unavailability\":{\"start\":{\"nanoseconds\":\"x\"}}}]}",
        "[".repeat(5000)}) {
      assertThat(post("/maintenance/schedule", body).statusCode()).as(body).isEqualTo(400);
      assertThat(post("/machine/down", body).statusCode()).as(body).isEqualTo(400);
    }
    String huge = "{\"windows\":[{\"machine_ids\":[{\"hostname\":\"" + "a".repeat(2_000_000) + "\"}]}]}";
    assertThat(post("/maintenance/schedule", huge).statusCode()).isBetween(400, 413);
  }

  @Test
  void longHostnamesAreStoredAndCompared() {
    String longHost = "h".repeat(5000);
    assertOk(post("/maintenance/schedule", schedule(window(0, machine(longHost, null)))));
    assertOk(post("/machine/down", "[" + machine(longHost.toUpperCase(), null) + "]"));
    assertThat(get("/maintenance/status").body()).contains("down_machines");
  }
}
