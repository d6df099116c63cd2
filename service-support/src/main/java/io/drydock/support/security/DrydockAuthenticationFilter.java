package io.drydock.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request the way Mesos's libprocess does, before any handler (spec §0.2): the request's
 * {@link Realm} decides whether credentials are required; {@code Authorization: Basic <base64>} whose
 * decoded text splits on {@code :} into exactly two parts is checked by the {@link CredentialVerifier};
 * {@code Authorization: Bearer <jwt>} (auth-service's client-credentials token) by the {@link JwtDecoder}.
 * Missing credentials where required, or bad credentials anywhere, get {@code 401} with
 * {@code WWW-Authenticate: Basic realm="<realm>"}; credentials that cannot be checked now get {@code 503}.
 * The authenticated principal's name becomes {@code Authentication#getName()}.
 */
public class DrydockAuthenticationFilter extends OncePerRequestFilter {

  private final DrydockSecurityProperties properties;
  private final HttpRealms realms;
  private final CredentialVerifier verifier;
  private final JwtDecoder jwtDecoder;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  /**
   * @param jwtDecoder validates bearer tokens, or {@code null} when this service accepts none
   */
  public DrydockAuthenticationFilter(DrydockSecurityProperties properties, HttpRealms realms,
      CredentialVerifier verifier, JwtDecoder jwtDecoder) {
    this.properties = properties;
    this.realms = realms;
    this.verifier = verifier;
    this.jwtDecoder = jwtDecoder;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Realm realm = realms.realmOf(request);
    request.setAttribute(Realm.class.getName(), realm);
    if (realm == Realm.OPEN) {
      chain.doFilter(request, response);
      return;
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      if (properties.requiresAuthentication(realm)) {
        challenge(response, realm, "Authentication required");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    Authentication authentication;
    try {
      authentication = authenticate(header);
    } catch (CredentialVerifier.VerificationUnavailableException e) {
      logger.warn("Cannot verify credentials: " + e.getMessage());
      write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Cannot verify credentials now; try again later");
      return;
    }
    if (authentication == null) {
      challenge(response, realm, "Invalid credentials");
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.setContext(context);
    chain.doFilter(request, response);
  }

  private Authentication authenticate(String header) {
    if (header.startsWith("Basic ")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      String[] parts = decoded.split(":", -1);
      if (parts.length != 2 || parts[0].isEmpty()) {
        return null; // Mesos: exactly two parts, so a secret containing ':' never authenticates
      }
      if (verifier.verify(parts[0], parts[1]) != CredentialVerifier.Result.VALID) {
        return null;
      }
      return UsernamePasswordAuthenticationToken.authenticated(parts[0], null, List.of());
    }
    if (header.startsWith("Bearer ") && jwtDecoder != null) {
      try {
        Jwt jwt = jwtDecoder.decode(header.substring(7).trim());
        if (jwt.getSubject() == null || jwt.getSubject().isEmpty()) {
          return null;
        }
        return new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject());
      } catch (JwtException e) {
        if (isUnavailable(e)) {
          throw new CredentialVerifier.VerificationUnavailableException(e.getMessage(), e);
        }
        return null;
      }
    }
    return null;
  }

  private static boolean isUnavailable(JwtException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Couldn't retrieve remote JWK set") || message.contains("Connection refused");
  }

  private static void challenge(HttpServletResponse response, Realm realm, String message) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm.realmName() + "\"");
    write(response, HttpServletResponse.SC_UNAUTHORIZED, message);
  }

  private static void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
  }
}
