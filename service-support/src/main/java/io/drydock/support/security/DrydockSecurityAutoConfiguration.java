package io.drydock.support.security;

import io.drydock.support.acl.AclDocument;
import io.drydock.support.acl.AclSnapshot;
import io.drydock.support.acl.AclSnapshotConsumer;
import io.drydock.support.acl.Authorizer;
import io.drydock.support.acl.LocalAuthorizer;
import io.drydock.support.kafka.DeadLetters;
import io.drydock.support.kafka.EventCodec;
import io.drydock.support.kafka.KafkaSupportConfiguration;
import io.drydock.support.outbox.Outbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Security of every Drydock service: the {@link Authorizer} fed from the ACL topic, and (in web
 * services) the filter chain that authenticates by realm and audits writes. Request sizes are limited by
 * {@code io.drydock.support.web} ({@code drydock.http.max-request-body}).
 * Runs before Boot's security auto-configuration, whose defaults (a generated user, form login) then
 * back off.
 */
@AutoConfiguration(
    after = {KafkaAutoConfiguration.class, KafkaSupportConfiguration.class},
    before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@EnableConfigurationProperties(DrydockSecurityProperties.class)
public class DrydockSecurityAutoConfiguration {

  /** The order of the catch-all chain; a service's own chains (e.g. token endpoints) go before it. */
  public static final int CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  @Bean
  @ConditionalOnMissingBean(Authorizer.class)
  LocalAuthorizer drydockAuthorizer(DrydockSecurityProperties properties) {
    if (properties.acls() == null) {
      return new LocalAuthorizer();
    }
    try {
      String json = properties.acls().getContentAsString(StandardCharsets.UTF_8);
      return new LocalAuthorizer(new AclSnapshot(0, AclDocument.parse(json)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read ACLs from " + properties.acls().getDescription(), e);
    }
  }

  @Bean
  @ConditionalOnBean({KafkaProperties.class, LocalAuthorizer.class})
  AclSnapshotConsumer drydockAclSnapshotConsumer(KafkaProperties kafka, DrydockSecurityProperties properties,
      LocalAuthorizer authorizer, EventCodec codec, DeadLetters deadLetters) {
    return new AclSnapshotConsumer(kafka.buildConsumerProperties(), properties.aclsTopic(), authorizer, codec,
        deadLetters);
  }

  /** The compacted ACL topic, declared by every service so whoever starts first creates it right. */
  @Bean
  @ConditionalOnBean(KafkaProperties.class)
  NewTopic drydockAclsTopic(DrydockSecurityProperties properties) {
    return new NewTopic(properties.aclsTopic(), 1, (short) -1)
        .configs(java.util.Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
  }

  /** The web side: filters and the catch-all security filter chain. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @EnableWebSecurity
  static class Web {

    /**
     * No Micrometer observation around every security filter and authorization decision: JFR showed them at
     * ~18 % of request-thread samples under load (one observation per filter per request); requests are still
     * observed once by Spring MVC's {@code http.server.requests}.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings drydockSecurityObservationSettings() {
      return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    HttpRealms drydockDefaultHttpRealms() {
      return HttpRealms.defaults();
    }

    @Bean
    @ConditionalOnMissingBean
    CredentialVerifier drydockCredentialVerifier(DrydockSecurityProperties properties, ObjectProvider<Clock> clock) {
      List<CredentialVerifier> verifiers = new ArrayList<>();
      if (properties.credentials() != null) {
        verifiers.add(new LocalCredentialVerifier(MesosCredentials.read(properties.credentials())));
      }
      if (properties.authServiceUrl() != null) {
        verifiers.add(new RemoteCredentialVerifier(properties.authServiceUrl()));
      }
      return new CachingCredentialVerifier(verifiers, properties.credentialCacheTtl(),
          clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    AuditSink drydockAuditSink(ObjectProvider<Outbox> outbox, ObjectProvider<TransactionTemplate> transactions,
        ObjectProvider<KafkaTemplate<String, String>> kafka, DrydockSecurityProperties properties) {
      Outbox durable = outbox.getIfAvailable();
      TransactionTemplate transaction = transactions.getIfAvailable();
      if (durable != null && transaction != null) {
        return new OutboxAuditSink(durable, transaction, properties.auditTopic());
      }
      KafkaTemplate<String, String> template = kafka.getIfAvailable();
      if (template == null) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("drydock.audit");
        return r -> log.info("{}", r);
      }
      return new KafkaAuditSink(template, properties.auditTopic());
    }

    @Bean
    SecurityErrorAdvice drydockSecurityErrorAdvice() {
      return new SecurityErrorAdvice();
    }

    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain drydockSecurityFilterChain(HttpSecurity http, DrydockSecurityProperties properties,
        HttpRealms realms, CredentialVerifier verifier, ObjectProvider<JwtDecoder> jwtDecoder,
        AuditSink audit, ObjectProvider<Clock> clock, Environment environment) throws Exception {
      String service = environment.getProperty("spring.application.name", "unknown");
      JwtDecoder decoder = jwtDecoder.getIfAvailable(() -> properties.authServiceUrl() == null ? null
          : NimbusJwtDecoder.withJwkSetUri(properties.authServiceUrl().toString().replaceAll("/+$", "")
              + "/oauth2/jwks").build());
      http.csrf(csrf -> csrf.disable())
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .requestCache(c -> c.disable())
          .anonymous(a -> a.disable())
          .formLogin(f -> f.disable())
          .httpBasic(b -> b.disable())
          .logout(l -> l.disable())
          .authorizeHttpRequests(a -> a.anyRequest().permitAll());
      if (properties.enabled()) {
        http.addFilterBefore(new DrydockAuthenticationFilter(properties, realms, verifier, decoder),
            AuthorizationFilter.class);
      }
      http.addFilterBefore(new AuditFilter(audit, service, clock.getIfAvailable(Clock::systemUTC), realms),
          AuthorizationFilter.class);
      return http.build();
    }
  }
}
