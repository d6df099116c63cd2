package io.drydock.auth.operator;

import io.drydock.support.security.DrydockSecurityProperties;
import java.security.Principal;
import org.springframework.stereotype.Component;

/**
 * Who may use auth-service's operator APIs ({@code /acls}, {@code /credentials}, {@code /audit}): the
 * principals listed in {@code drydock.security.operators}, or anyone when security is off.
 */
@Component
public class Operators {

  private final DrydockSecurityProperties properties;

  public Operators(DrydockSecurityProperties properties) {
    this.properties = properties;
  }

  /** @throws NotAnOperatorException (403) when the caller is not an operator */
  public void require(Principal principal) {
    if (!properties.isOperator(principal == null ? null : principal.getName())) {
      throw new NotAnOperatorException();
    }
  }

  /** The caller is authenticated but not an operator. */
  public static class NotAnOperatorException extends RuntimeException {
    public NotAnOperatorException() {
      super("Only operators may do this");
    }
  }
}
