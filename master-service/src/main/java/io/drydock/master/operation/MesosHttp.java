package io.drydock.master.operation;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Mesos-style plain HTTP answers of the operator endpoints (spec §0.2). */
public final class MesosHttp {

  private MesosHttp() {}

  public static ResponseEntity<String> text(int status, String message) {
    if (message == null || message.isEmpty()) {
      return ResponseEntity.status(status).build();
    }
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
  }

  public static ResponseEntity<String> of(OperationException e) {
    return text(e.status(), e.getMessage());
  }

  /** 405 with {@code Allow} and Mesos's body. */
  public static ResponseEntity<String> methodNotAllowed(List<String> allowed, String method) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", String.join(", ", allowed))
        .contentType(MediaType.TEXT_PLAIN).body("405 Method Not Allowed. Expecting one of { '"
            + String.join("', '", allowed) + "' }, but received '" + method + "'.");
  }

  /** 200 with JSON, or JavaScript {@code callback(json);} when the request has a {@code jsonp} parameter. */
  public static ResponseEntity<String> json(HttpServletRequest request, String json) {
    String jsonp = request.getParameter("jsonp");
    if (jsonp != null && !jsonp.isEmpty()) {
      return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript"))
          .body(jsonp + "(" + json + ");");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }

  public static String body(HttpServletRequest request) {
    try {
      return new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
