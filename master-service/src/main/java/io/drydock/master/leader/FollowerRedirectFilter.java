package io.drydock.master.leader;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a master that does not lead answers (spec §0.2, after authentication): {@code 307 Temporary Redirect}
 * with the protocol-relative {@code Location: //<leader-host>:<port><path+query>}, or {@code 503 Service
 * Unavailable} with the body {@code No leader elected} when no leader is known. Probes, actuator endpoints
 * and the console's static files are answered by every replica.
 */
final class FollowerRedirectFilter extends OncePerRequestFilter {

  static final String NO_LEADER = "No leader elected";

  private final Leadership leadership;

  FollowerRedirectFilter(Leadership leadership) {
    this.leadership = leadership;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/livez") || path.equals("/readyz") || path.startsWith("/actuator/")
        || path.equals("/actuator") || path.equals("/console") || path.startsWith("/console/")
        || path.startsWith("/master/console/") || path.equals("/favicon.ico");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (leadership.isLeader()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Leadership.LeaderAddress> leader = leadership.leader();
    if (leader.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setContentType("text/plain;charset=UTF-8");
      response.getOutputStream().write(NO_LEADER.getBytes(StandardCharsets.UTF_8));
      return;
    }
    String query = request.getQueryString();
    response.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
    response.setHeader("Location", "//" + leader.get().host() + ":" + leader.get().port()
        + request.getRequestURI() + (query == null ? "" : "?" + query));
    response.setContentLength(0);
  }
}
