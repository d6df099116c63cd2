package io.drydock.support.security;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Security of a Drydock service ({@code drydock.security.*}); secure by default, as Mesos's flags but
 * with every authentication flag on.
 *
 * @param enabled master switch; {@code false} turns authentication off everywhere (no principal,
 *     ACLs evaluated with subject ANY, operator APIs open) (default {@code true})
 * @param authenticateHttpReadwrite read-write realm ({@code mesos-master-readwrite}) requires credentials
 *     (default {@code true})
 * @param authenticateHttpReadonly read-only realm ({@code mesos-master-readonly}) requires credentials
 *     (default {@code true})
 * @param authenticateFrameworks the scheduler realm ({@code mesos-master-scheduler}) requires
 *     credentials (default {@code true})
 * @param authenticateAgents the agent realm ({@code mesos-master-agent}) requires credentials
 *     (default {@code true})
 * @param credentials optional Mesos-format credentials file ({@code file:} or {@code classpath:}),
 *     verified locally; auth-service imports it into its database at startup instead (default none)
 * @param acls optional Mesos ACL file used as the initial snapshot (revision 0) until a newer one
 *     arrives from Kafka; auth-service imports it as revision 1 when it has none (default none)
 * @param authServiceUrl auth-service's base URL, e.g. {@code http://localhost:5053}: JWKS for JWTs and
 *     verification of HTTP Basic credentials (default none: only local credentials)
 * @param credentialCacheTtl how long a successful Basic verification is remembered (default 30 s)
 * @param operators principals allowed to use operator APIs ({@code /acls}, {@code /credentials},
 *     {@code /audit}) (default none)
 * @param aclsTopic the compacted topic of ACL snapshots (default {@code drydock.acls})
 * @param auditTopic the topic audit records are published to (default {@code drydock.audit})
 */
@Validated
@ConfigurationProperties("drydock.security")
public record DrydockSecurityProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("true") boolean authenticateHttpReadwrite,
    @DefaultValue("true") boolean authenticateHttpReadonly,
    @DefaultValue("true") boolean authenticateFrameworks,
    @DefaultValue("true") boolean authenticateAgents,
    Resource credentials,
    Resource acls,
    URI authServiceUrl,
    @NotNull @DefaultValue("30s") Duration credentialCacheTtl,
    @NotNull @DefaultValue({}) Set<String> operators,
    @NotNull @DefaultValue("drydock.acls") String aclsTopic,
    @NotNull @DefaultValue("drydock.audit") String auditTopic) {

  /** Whether requests to this realm must carry valid credentials. */
  public boolean requiresAuthentication(Realm realm) {
    if (!enabled) {
      return false;
    }
    return switch (realm) {
      case OPEN -> false;
      case READONLY -> authenticateHttpReadonly;
      case READWRITE -> authenticateHttpReadwrite;
      case SCHEDULER -> authenticateFrameworks;
      case AGENT -> authenticateAgents;
    };
  }

  /** Whether the principal may use operator APIs; everyone may when security is off. */
  public boolean isOperator(String principal) {
    return !enabled || (principal != null && operators.contains(principal));
  }
}
