package io.drydock.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every write (POST, PUT, PATCH, DELETE) outside the open realm once it is answered: principal,
 * method, path, status, decision. Sits after authentication, so refused credentials are recorded too.
 * Allowed writes to the paths a service declares {@link HttpRealms.Builder#unaudited unaudited} (the agent
 * protocol, the v1 scheduler API) are not recorded; refused ones are.
 */
public class AuditFilter extends OncePerRequestFilter {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final AuditSink sink;
  private final String service;
  private final Clock clock;
  private final HttpRealms realms;

  public AuditFilter(AuditSink sink, String service, Clock clock, HttpRealms realms) {
    this.sink = sink;
    this.service = service;
    this.clock = clock;
    this.realms = realms;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!WRITES.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      if (request.getAttribute(Realm.class.getName()) != Realm.OPEN
          && (status == 401 || status == 403 || realms.auditsAllowed(request))) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String principal = authentication == null ? null : authentication.getName();
        sink.record(new AuditRecord(UUID.randomUUID(), clock.instant(), service, principal, request.getMethod(),
            request.getRequestURI(), status, AuditRecord.decisionOf(status)));
      }
    }
  }
}
