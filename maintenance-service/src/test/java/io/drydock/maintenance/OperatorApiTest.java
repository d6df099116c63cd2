package io.drydock.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The v1 operator API's maintenance calls (Mesos's {@code api_tests.cpp} maintenance cases) and the
 * generic checks of {@code POST /api/v1} in Mesos's order (spec §0.2).
 */
class OperatorApiTest extends MaintenanceHttpTest {

  static final String M1 = machine("Machine1", "0.0.0.1");
  static final String M2 = machine("Machine2", "0.0.0.2");

  HttpResponse<String> call(String body) {
    return send("POST", "/api/v1", body, PRINCIPAL, SECRET, "application/json", "Accept", "application/json");
  }

  @Test
  void getMaintenanceScheduleAndStatusWhenNothingIsScheduled() {
    HttpResponse<String> schedule = call("{\"type\":\"GET_MAINTENANCE_SCHEDULE\"}");
    assertThat(schedule.statusCode()).isEqualTo(200);
    assertThat(schedule.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(schedule.body()).isEqualTo("{\"type\":\"GET_MAINTENANCE_SCHEDULE\",\"get_maintenance_schedule\":{\"schedule\":{}}}");
    assertThat(call("{\"type\":\"GET_MAINTENANCE_STATUS\"}").body())
        .isEqualTo("{\"type\":\"GET_MAINTENANCE_STATUS\",\"get_maintenance_status\":{\"status\":{}}}");
  }

  @Test
  void fullMaintenanceCycleThroughV1Calls() {
    String schedule = schedule(window(1_000, M1, M2));
    assertOk(call("{\"type\":\"UPDATE_MAINTENANCE_SCHEDULE\",\"update_maintenance_schedule\":{\"schedule\":" + schedule + "}}"));
    assertThat(call("{\"type\":\"GET_MAINTENANCE_SCHEDULE\"}").body())
        .isEqualTo("{\"type\":\"GET_MAINTENANCE_SCHEDULE\",\"get_maintenance_schedule\":{\"schedule\":" + schedule + "}}");
    assertThat(get("/maintenance/schedule").body()).isEqualTo(schedule);

    assertOk(call("{\"type\":\"START_MAINTENANCE\",\"start_maintenance\":{\"machines\":[" + M1 + "]}}"));
    assertThat(call("{\"type\":\"GET_MAINTENANCE_STATUS\"}").body()).isEqualTo(
        "{\"type\":\"GET_MAINTENANCE_STATUS\",\"get_maintenance_status\":{\"status\":{"
            + "\"draining_machines\":[{\"id\":" + M2 + "}],\"down_machines\":[" + M1 + "]}}}");

    assertOk(send("POST", "/master/api/v1", "{\"type\":\"STOP_MAINTENANCE\",\"stop_maintenance\":{\"machines\":[" + M1 + "]}}",
        PRINCIPAL, SECRET, "application/json"));
    assertThat(get("/maintenance/schedule").body()).isEqualTo(schedule(window(1_000, M2)));
  }

  @Test
  void callsShareTheLegacyValidation() {
    assertBadRequest(call("{\"type\":\"START_MAINTENANCE\",\"start_maintenance\":{\"machines\":[]}}"),
        "List of machines is empty");
    assertBadRequest(call("{\"type\":\"STOP_MAINTENANCE\",\"stop_maintenance\":{\"machines\":[" + M1 + "]}}"),
        "Machine '{\"hostname\":\"Machine1\",\"ip\":\"0.0.0.1\"}' is not part of a maintenance schedule");
    assertBadRequest(call("{\"type\":\"UPDATE_MAINTENANCE_SCHEDULE\",\"update_maintenance_schedule\":{\"schedule\":"
        + schedule(window(0)) + "}}"), "List of machines in the maintenance window is empty");
  }

  @Test
  void genericChecksComeInMesosOrder() {
    HttpResponse<String> get = send("GET", "/api/v1", null, PRINCIPAL, SECRET, null);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertBadRequest(send("POST", "/api/v1", "{}", PRINCIPAL, SECRET, null), "Expecting 'Content-Type' to be present");
    assertThat(send("POST", "/api/v1", "{}", PRINCIPAL, SECRET, "text/plain").statusCode()).isEqualTo(415);
    assertThat(send("POST", "/api/v1", "{}", PRINCIPAL, SECRET, "application/x-protobuf").statusCode()).isEqualTo(415);
    assertThat(call("{\"type\":").body()).startsWith("Failed to parse body into JSON: ");
    assertBadRequest(call("[]"), "Failed to convert JSON into Call protobuf: Expecting a JSON object");
    assertBadRequest(call("{\"type\":\"UPDATE_MAINTENANCE_SCHEDULE\",\"update_maintenance_schedule\":{}}"),
        "Failed to convert JSON into Call protobuf: Missing required fields: update_maintenance_schedule.schedule");
    assertBadRequest(call("{}"), "Failed to validate master::Call: Expecting 'type' to be present");
    assertBadRequest(call("{\"type\":\"NO_SUCH_CALL\"}"), "Failed to validate master::Call: Expecting 'type' to be present");
    assertBadRequest(call("{\"type\":\"START_MAINTENANCE\"}"),
        "Failed to validate master::Call: Expecting 'start_maintenance' to be present");
    assertBadRequest(call("{\"type\":\"STOP_MAINTENANCE\"}"),
        "Failed to validate master::Call: Expecting 'stop_maintenance' to be present");
    assertBadRequest(call("{\"type\":\"UPDATE_MAINTENANCE_SCHEDULE\"}"),
        "Failed to validate master::Call: Expecting 'update_maintenance_schedule' to be present");
    HttpResponse<String> protobufOnly = send("POST", "/api/v1", "{\"type\":\"GET_MAINTENANCE_STATUS\"}", PRINCIPAL,
        SECRET, "application/json", "Accept", "application/x-protobuf");
    assertThat(protobufOnly.statusCode()).isEqualTo(406);
    assertThat(protobufOnly.body())
        .isEqualTo("Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'");
    assertThat(call("{\"type\":\"UNKNOWN\"}").statusCode()).isEqualTo(501);
    assertThat(send("POST", "/api/v1", "{\"type\":\"GET_MAINTENANCE_STATUS\"}", PRINCIPAL, SECRET, "application/json")
        .statusCode()).isEqualTo(200);
  }

  @Test
  void deniedPrincipalsGetFilteredReadsAndForbiddenWrites() {
    assertOk(call("{\"type\":\"UPDATE_MAINTENANCE_SCHEDULE\",\"update_maintenance_schedule\":{\"schedule\":"
        + schedule(window(0, M1)) + "}}"));
    HttpResponse<String> read = send("POST", "/api/v1", "{\"type\":\"GET_MAINTENANCE_SCHEDULE\"}", DENIED_PRINCIPAL,
        DENIED_SECRET, "application/json");
    assertThat(read.body()).isEqualTo("{\"type\":\"GET_MAINTENANCE_SCHEDULE\",\"get_maintenance_schedule\":{\"schedule\":{}}}");
    HttpResponse<String> write = send("POST", "/api/v1", "{\"type\":\"START_MAINTENANCE\",\"start_maintenance\":"
        + "{\"machines\":[" + M1 + "]}}", DENIED_PRINCIPAL, DENIED_SECRET, "application/json");
    assertThat(write.statusCode()).isEqualTo(403);
  }
}
