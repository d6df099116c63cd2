package io.drydock.auth.operator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * auth-service's API errors as RFC 9457 problem details: bad input 400 with a message, non-operators
 * 403. Unexpected failures are never reported as bad input.
 */
@RestControllerAdvice(basePackages = "io.drydock.auth")
public class ApiErrors {

  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ProblemDetail badInput(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
      MethodArgumentTypeMismatchException.class, HttpMediaTypeNotSupportedException.class})
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ProblemDetail unreadable(Exception e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Malformed request: " + firstLine(e.getMessage()));
  }

  @ExceptionHandler(Operators.NotAnOperatorException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  ProblemDetail notOperator(Operators.NotAnOperatorException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable body";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
