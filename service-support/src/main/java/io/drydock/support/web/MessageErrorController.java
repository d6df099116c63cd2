package io.drydock.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Spring Boot's error controller, except that a client whose {@code Accept} allows neither JSON nor
 * HTML still gets a message (as plain text) rather than an empty body: every refusal says why.
 */
public class MessageErrorController extends BasicErrorController {

  public MessageErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
      List<ErrorViewResolver> errorViewResolvers) {
    super(errorAttributes, errorProperties, errorViewResolvers);
  }

  @Override
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
    HttpStatus status = getStatus(request);
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String text = status.value() + " " + status.getReasonPhrase()
        + (message instanceof String m && !m.isBlank() ? ": " + m : "");
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
  }
}
