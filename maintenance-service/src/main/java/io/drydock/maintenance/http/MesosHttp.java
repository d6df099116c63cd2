package io.drydock.maintenance.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Responses shaped as Mesos's libprocess shapes them. */
public final class MesosHttp {

  /** The header an operator may give a reason in (or the {@code reason} query parameter). */
  public static final String REASON_HEADER = "X-Drydock-Reason";

  private static final int MAX_REASON_LENGTH = 1024;

  private MesosHttp() {}

  /** 405 with {@code Allow} and Mesos's body. */
  public static ResponseEntity<String> methodNotAllowed(List<String> allowed, String method) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .header(HttpHeaders.ALLOW, String.join(", ", allowed))
        .contentType(MediaType.TEXT_PLAIN)
        .body("405 Method Not Allowed. Expecting one of { '" + String.join("', '", allowed)
            + "' }, but received '" + method + "'.");
  }

  /** 200 with a JSON body, or a jsonp script when a callback is given. */
  public static ResponseEntity<String> ok(String json, String jsonp) {
    if (jsonp != null) {
      return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript"))
          .body(jsonp + "(" + json + ");");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }

  /** 200 with an empty body, as Mesos answers mutations. */
  public static ResponseEntity<String> ok() {
    return ResponseEntity.ok().build();
  }

  /** 400 with a plain-text reason. */
  public static ResponseEntity<String> badRequest(String message) {
    return text(HttpStatus.BAD_REQUEST, message);
  }

  public static ResponseEntity<String> text(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
  }

  /**
   * The request body as UTF-8 text.
   *
   * @throws PayloadTooLargeException beyond {@code maxBytes}
   */
  public static String body(HttpServletRequest request, long maxBytes) {
    if (request.getContentLengthLong() > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    try (InputStream in = request.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) != -1) {
        total += read;
        if (total > maxBytes) {
          throw new PayloadTooLargeException(maxBytes);
        }
        out.write(buffer, 0, read);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProtoException("Failed to read the request body: " + e.getMessage());
    }
  }

  /** The operator's reason for a change: the {@code reason} parameter, else the header; may be null. */
  public static String reason(HttpServletRequest request) {
    String reason = queryParameter(request, "reason");
    if (reason == null || reason.isBlank()) {
      reason = request.getHeader(REASON_HEADER);
    }
    if (reason == null || reason.isBlank()) {
      return null;
    }
    if (reason.indexOf('\u0000') >= 0) {
      throw new ProtoException("The reason must not contain NUL characters");
    }
    if (reason.length() > MAX_REASON_LENGTH) {
      throw new ProtoException("The reason must be at most " + MAX_REASON_LENGTH + " characters");
    }
    return reason;
  }

  /**
   * A query-string parameter, never a form field: reading form fields would consume a POST body sent
   * with curl's default form content type.
   */
  public static String queryParameter(HttpServletRequest request, String name) {
    String query = request.getQueryString();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** A body over the configured limit (answered with 413). */
  public static class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long maxBytes) {
      super("Request body is larger than " + maxBytes + " bytes", null, false, false);
    }
  }
}
