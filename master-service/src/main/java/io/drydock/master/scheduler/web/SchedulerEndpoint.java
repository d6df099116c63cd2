package io.drydock.master.scheduler.web;

import io.drydock.master.scheduler.CallException;
import io.drydock.master.scheduler.SchedulerApi;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The v1 scheduler API: only POST (405 otherwise), {@code Content-Type} required (400) and JSON (415 for
 * anything else; protobuf is not supported), SUBSCRIBE → 200 SUBSCRIBED, other calls → 202.
 */
@RestController
class SchedulerEndpoint {

  private final SchedulerApi api;

  SchedulerEndpoint(SchedulerApi api) {
    this.api = api;
  }

  @RequestMapping(path = {"/api/v1/scheduler", "/master/api/v1/scheduler"})
  ResponseEntity<String> call(HttpServletRequest request, Principal principal) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      return text(HttpStatus.METHOD_NOT_ALLOWED, "405 Method Not Allowed. Expecting one of { 'POST' }, but received '"
          + request.getMethod() + "'.", "POST");
    }
    String contentType = request.getContentType();
    if (contentType == null) {
      return text(HttpStatus.BAD_REQUEST, "Expecting 'Content-Type' to be present", null);
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    if (!MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
      return text(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Expecting 'Content-Type' of application/json", null);
    }
    String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      SchedulerApi.Answer answer = api.handle(body, principal == null ? null : principal.getName());
      if (answer.body() == null) {
        return ResponseEntity.status(answer.status()).build();
      }
      return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
          .header("Mesos-Stream-Id", UUID.randomUUID().toString()).body(answer.body());
    } catch (CallException e) {
      if (e.getMessage() == null || e.getMessage().isEmpty()) {
        return ResponseEntity.status(e.status()).build();
      }
      return text(HttpStatus.valueOf(e.status()), e.getMessage(), null);
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof IllegalArgumentException invalid) {
        return text(HttpStatus.BAD_REQUEST, invalid.getMessage(), null);
      }
      throw e;
    }
  }

  private static ResponseEntity<String> text(HttpStatus status, String message, String allow) {
    ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN);
    if (allow != null) {
      b.header("Allow", allow);
    }
    return b.body(message);
  }
}
