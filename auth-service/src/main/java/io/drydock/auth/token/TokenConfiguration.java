package io.drydock.auth.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.drydock.auth.credential.CredentialService;
import io.drydock.auth.token.persistence.SigningKeyStore;
import io.drydock.auth.token.persistence.SigningKeyStore.StoredKey;
import io.drydock.support.security.DrydockSecurityAutoConfiguration;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OAuth2 authorization server (Spring Security 7.1), client-credentials only: a principal is a client
 * whose id is the principal and whose secret is its credential; the token is a JWT with {@code sub} =
 * principal, signed by an RSA key kept in the database so restarts and replicas agree. Endpoints:
 * {@code POST /oauth2/token}, {@code GET /oauth2/jwks}. Wired explicitly (no Boot auto-configuration)
 * so nothing of it leaks into other services sharing the standalone JVM.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

  static final Duration TOKEN_TTL = Duration.ofMinutes(10);

  @Bean
  @Order(DrydockSecurityAutoConfiguration.CHAIN_ORDER - 10)
  SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
    http.securityMatcher("/oauth2/**", "/.well-known/oauth-authorization-server")
        .oauth2AuthorizationServer(server -> {})
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(a -> a.requestMatchers("/oauth2/jwks", "/.well-known/**").permitAll()
            .anyRequest().authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> {
          response.setStatus(401);
          response.setHeader("WWW-Authenticate", "Basic realm=\"drydock\"");
          response.setContentType("text/plain;charset=UTF-8");
          response.getWriter().write("Unauthorized: POST client credentials to /oauth2/token");
        }));
    return http.build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }

  /** Clients are the credentials table: nothing is registered separately. */
  @Bean
  RegisteredClientRepository registeredClientRepository(CredentialService credentials) {
    TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(TOKEN_TTL)
        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED).build();
    return new RegisteredClientRepository() {
      @Override
      public void save(RegisteredClient registeredClient) {
        // clients are managed through /credentials
      }

      @Override
      public RegisteredClient findById(String id) {
        return findByClientId(id);
      }

      @Override
      public RegisteredClient findByClientId(String clientId) {
        return credentials.hashOf(clientId).map(hash -> RegisteredClient.withId(clientId)
            .clientId(clientId)
            .clientSecret(hash)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .tokenSettings(tokens)
            .build()).orElse(null);
      }
    };
  }

  /** Tokens are self-contained JWTs: nothing to remember (no introspection, no revocation). */
  @Bean
  OAuth2AuthorizationService authorizationService() {
    return new OAuth2AuthorizationService() {
      @Override
      public void save(OAuth2Authorization authorization) {}

      @Override
      public void remove(OAuth2Authorization authorization) {}

      @Override
      public OAuth2Authorization findById(String id) {
        return null;
      }

      @Override
      public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
      }
    };
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(SigningKeyStore keys, TransactionTemplate transactions, Clock clock) {
    transactions.executeWithoutResult(s -> keys.insertIfNone(generate(), clock.instant()));
    List<com.nimbusds.jose.jwk.JWK> jwks = keys.all().stream().map(TokenConfiguration::toJwk)
        .map(com.nimbusds.jose.jwk.JWK.class::cast).toList();
    return new ImmutableJWKSet<>(new JWKSet(jwks));
  }

  /** auth-service validates its own tokens in process (its operator APIs accept them). */
  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
    return NimbusJwtDecoder.withJwkSource(jwkSource).build();
  }

  private static StoredKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Base64.Encoder b64 = Base64.getEncoder();
      return new StoredKey(UUID.randomUUID().toString(), b64.encodeToString(pair.getPrivate().getEncoded()),
          b64.encodeToString(pair.getPublic().getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey toJwk(StoredKey key) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
      RSAPrivateKey priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey())));
      return new RSAKey.Builder(pub).privateKey(priv).keyID(key.kid()).build();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("Unreadable signing key " + key.kid(), e);
    }
  }
}
