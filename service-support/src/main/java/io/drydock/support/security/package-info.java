/**
 * Security every service shares (auto-configured): {@link io.drydock.support.security.DrydockSecurityProperties}
 * ({@code drydock.security.*}), authentication by Mesos realm with HTTP Basic or auth-service JWTs
 * ({@link io.drydock.support.security.DrydockAuthenticationFilter}) and the audit of
 * writes ({@link io.drydock.support.security.AuditFilter}).
 */
package io.drydock.support.security;
