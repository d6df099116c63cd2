package io.drydock.support.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 4xx and a plain-text message, requests that the servlet stack would otherwise turn into
 * a 500 before any handler runs: a {@code Content-Type} that is not a concrete media type (a wildcard
 * such as {@code *}{@code /*}) or is {@code multipart/*} (no Drydock endpoint takes multipart bodies, and a
 * multipart request without a boundary fails in the multipart resolver) get 415; a query string or form
 * body whose parameters cannot be decoded (bad percent-encoding, invalid UTF-8) gets 400. On the error
 * dispatch it makes sure the error is rendered even when the client's {@code Accept} allows no type an
 * error can be written in.
 *
 * <p>On the {@link RawBodyPaths} a service declares, only the query string is checked: the body is left
 * unread for the handler, which reads it whatever its content type.
 */
public class RequestHygieneFilter extends OncePerRequestFilter {

  private final RawBodyPaths rawBodyPaths;

  /** Checks query strings and form bodies on every path. */
  public RequestHygieneFilter() {
    this(RawBodyPaths.of());
  }

  /** Checks query strings everywhere and form bodies everywhere but on {@code rawBodyPaths}. */
  public RequestHygieneFilter(RawBodyPaths rawBodyPaths) {
    this.rawBodyPaths = rawBodyPaths;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      chain.doFilter(rendersErrors(request.getHeader(HttpHeaders.ACCEPT)) ? request : new AcceptsJson(request),
          response);
      return;
    }
    String contentType = request.getContentType();
    if (contentType != null && !contentType.isBlank()) {
      String problem = contentTypeProblem(contentType);
      if (problem != null) {
        refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem);
        return;
      }
    }
    boolean wellFormed;
    if (rawBodyPaths.matches(request.getRequestURI().substring(request.getContextPath().length()))) {
      wellFormed = QueryStrings.wellFormed(request.getQueryString()); // parameters would consume a form body
    } else {
      try {
        request.getParameterMap(); // what Spring does for form posts anyway; here a failure is the client's
        wellFormed = true;
      } catch (RuntimeException e) {
        wellFormed = false;
      }
    }
    if (!wellFormed) {
      refuse(response, HttpStatus.BAD_REQUEST, "Malformed query string or form parameters");
      return;
    }
    chain.doFilter(request, response);
  }

  private static String contentTypeProblem(String contentType) {
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      return null; // Spring MVC answers 415 for these itself
    }
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      return "Content-Type must be a concrete media type, not '" + type + "'";
    }
    if ("multipart".equalsIgnoreCase(type.getType())) {
      return "Content-Type '" + type + "' is not accepted: no endpoint takes multipart bodies";
    }
    return null;
  }

  /** Whether an error page can be rendered in a type this {@code Accept} allows (JSON or HTML). */
  private static boolean rendersErrors(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream().anyMatch(
          type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.TEXT_HTML));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /**
   * The error dispatch of a request whose {@code Accept} allows no type an error can be written in (or
   * cannot be parsed): the error is rendered as JSON anyway, since a refusal without its reason helps
   * nobody.
   */
  private static final class AcceptsJson extends HttpServletRequestWrapper {
    AcceptsJson(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(MediaType.APPLICATION_JSON_VALUE)) : super.getHeaders(name);
    }
  }

  static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType("text/plain;charset=UTF-8");
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
