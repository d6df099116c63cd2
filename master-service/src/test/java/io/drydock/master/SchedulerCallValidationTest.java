package io.drydock.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Invalid scheduler calls get Mesos's status codes and messages, never a 500. */
@MasterIntegrationTest
class SchedulerCallValidationTest {

  @LocalServerPort int port;
  MasterTestClient master;

  @BeforeEach
  void setUp() {
    master = new MasterTestClient(port);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "{|Failed to parse body into JSON: ",
      "{}|Failed to validate scheduler::Call: Expecting 'type' to be present",
      "{\"type\":\"NOPE\"}|Failed to validate scheduler::Call: Expecting 'type' to be present",
      "{\"type\":\"SUBSCRIBE\"}|Failed to validate scheduler::Call: Expecting 'subscribe' to be present",
      "{\"type\":\"SUBSCRIBE\",\"subscribe\":\"x\"}|Failed to convert JSON into Call protobuf: Not expecting a JSON string for field 'subscribe'",
      "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"u\"}}}|Failed to convert JSON into Call protobuf: Missing required fields: subscribe.framework_info.name",
      "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"name\":\"n\",\"roles\":[\"foo bar\"],\"capabilities\":[{\"type\":\"MULTI_ROLE\"}]}}}|'FrameworkInfo.roles' contains invalid role: Role component 'foo bar' is invalid because it contains backspace or whitespace",
      "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"name\":\"n\",\"roles\":[\"a\"]}}}|'FrameworkInfo.roles' must not be set when the framework is not MULTI_ROLE capable",
      "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"name\":\"n\",\"role\":\"/a\"}}}|'FrameworkInfo.role' is not a valid role: Role '/a' cannot start with a slash",
      "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"name\":\"n\",\"principal\":\"someone-else\"}}}|Failed to validate scheduler::Call: Authenticated principal 'test-principal' does not match principal 'someone-else' set in `FrameworkInfo`",
      "{\"type\":\"DECLINE\"}|Failed to validate scheduler::Call: Expecting 'framework_id' to be present",
      "{\"type\":\"DECLINE\",\"framework_id\":{\"value\":\"no-such-framework\"}}|Framework cannot be found"})
  void invalidCallsGet400WithMesosMessages(String body, String message) {
    HttpResponse<String> r = master.scheduler(body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).startsWith(message);
  }

  @Test
  void callsOfAKnownFrameworkAreValidatedToo() {
    String id = master.subscribe("validation", "[\"*\"]", "");
    HttpResponse<String> r = master.scheduler("{\"type\":\"ACCEPT\",\"framework_id\":{\"value\":\"" + id + "\"}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Failed to validate scheduler::Call: Expecting 'accept' to be present");
    r = master.scheduler("{\"type\":\"ACCEPT\",\"framework_id\":{\"value\":\"" + id + "\"},\"accept\":{\"offer_ids\":"
        + "[{\"value\":\"gone\"}],\"operations\":[{\"type\":\"LAUNCH\",\"launch\":{\"task_infos\":[{\"name\":\"t\"}]}}]}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Failed to convert JSON into Call protobuf: Missing required fields: "
        + "accept.operations[0].launch.task_infos[0].task_id, accept.operations[0].launch.task_infos[0].agent_id");
    r = master.post("/api/v1/scheduler", "{\"type\":\"TEARDOWN\",\"framework_id\":{\"value\":\"" + id + "\"}}",
        "test-principal-2", "test-secret-2", "application/json");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Authenticated principal 'test-principal-2' does not match principal "
        + "'test-principal' set in `FrameworkInfo`");
    r = master.scheduler("{\"type\":\"TEARDOWN\",\"framework_id\":{\"value\":\"" + id + "\"}}");
    assertThat(r.statusCode()).isEqualTo(202);
    r = master.scheduler("{\"type\":\"REVIVE\",\"framework_id\":{\"value\":\"" + id + "\"}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Framework cannot be found");
  }

  @Test
  void acknowledgementsAreCheckedAloneAndInBatches() {
    String id = master.subscribe("acks", "[\"*\"]", "");
    String fw = "{\"framework_id\":{\"value\":\"" + id + "\"},";
    String ack = "{\"agent_id\":{\"value\":\"a1\"},\"task_id\":{\"value\":\"t1\"},\"uuid\":\"dXVpZA==\"}";
    assertThat(master.scheduler(fw + "\"type\":\"ACKNOWLEDGE\",\"acknowledge\":" + ack + "}").statusCode())
        .isEqualTo(202);
    assertThat(master.scheduler(fw + "\"type\":\"ACKNOWLEDGE_BATCH\",\"acknowledge_batch\":{\"acknowledgements\":["
        + ack + "," + ack.replace("t1", "t2") + "]}}").statusCode()).isEqualTo(202);

    HttpResponse<String> r = master.scheduler(fw + "\"type\":\"ACKNOWLEDGE\",\"acknowledge\":{\"task_id\":{\"value\":\"t\"}}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Failed to convert JSON into Call protobuf: Missing required fields: "
        + "acknowledge.agent_id, acknowledge.uuid");
    r = master.scheduler(fw + "\"type\":\"ACKNOWLEDGE_BATCH\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Failed to validate scheduler::Call: Expecting 'acknowledge_batch' to be present");
    r = master.scheduler(fw + "\"type\":\"ACKNOWLEDGE_BATCH\",\"acknowledge_batch\":{\"acknowledgements\":[]}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo(
        "Failed to validate scheduler::Call: Expecting 'acknowledge_batch.acknowledgements' to be non-empty");
    r = master.scheduler(fw + "\"type\":\"ACKNOWLEDGE_BATCH\",\"acknowledge_batch\":{\"acknowledgements\":["
        + ack + ",{\"agent_id\":{\"value\":\"a1\"}}]}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Failed to convert JSON into Call protobuf: Missing required fields: "
        + "acknowledge_batch.acknowledgements[1].task_id, acknowledge_batch.acknowledgements[1].uuid");
    r = master.scheduler(fw + "\"type\":\"ACKNOWLEDGE_BATCH\",\"acknowledge_batch\":{\"acknowledgements\":[7]}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Failed to convert JSON into Call protobuf: Not expecting a JSON scalar for field "
        + "'acknowledge_batch.acknowledgements[0]'");
    String many = String.join(",", java.util.Collections.nCopies(10_001, ack));
    r = master.scheduler(fw + "\"type\":\"ACKNOWLEDGE_BATCH\",\"acknowledge_batch\":{\"acknowledgements\":["
        + many + "]}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("Failed to validate scheduler::Call: Expecting at most 10000 entries in "
        + "'acknowledge_batch.acknowledgements', got 10001");
  }

  @Test
  void aRoleThePrincipalMayNotUseIsForbidden() {
    HttpResponse<String> r = master.scheduler("""
        {"type":"SUBSCRIBE","subscribe":{"framework_info":{"name":"n","roles":["ok","forbidden"],
         "capabilities":[{"type":"MULTI_ROLE"}]}}}""");
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void contentTypeIsRequiredAndMustBeJson() {
    assertThat(master.post("/api/v1/scheduler", "{}", "test-principal", "test-secret", null).statusCode())
        .isEqualTo(400);
    assertThat(master.post("/api/v1/scheduler", "{}", "test-principal", "test-secret", "text/plain").statusCode())
        .isEqualTo(415);
    assertThat(master.post("/api/v1/scheduler", "{}", null, null, "application/json").statusCode()).isEqualTo(401);
  }

  @Test
  void malformedAgentRegistrationsGet400() {
    HttpResponse<String> r = master.register(null, "h", "10.0.0.1", "http://localhost:1", "cpus:x");
    assertThat(r.statusCode()).isEqualTo(400);
    r = master.post("/agent/v1/register", "{\"hostname\":\"h\"}");
    assertThat(r.statusCode()).isEqualTo(400);
  }
}
