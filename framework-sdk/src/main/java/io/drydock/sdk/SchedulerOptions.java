package io.drydock.sdk;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a framework connects.
 *
 * @param masterUrl master-service's base URL, e.g. {@code http://localhost:5050}
 * @param kafkaBootstrapServers the Kafka cluster the master publishes to
 * @param principal the framework's principal (HTTP Basic, or OAuth2 client id with {@code tokenUrl})
 * @param secret its secret
 * @param tokenUrl auth-service's token endpoint ({@code http://localhost:5053/oauth2/token}); when set the
 *     driver uses OAuth2 client-credentials tokens (refreshed before they expire) instead of Basic
 * @param name the framework name
 * @param roles the roles it subscribes with (default {@code ["*"]})
 * @param failoverTimeout how long the master keeps the framework and its tasks while disconnected
 *     (default 1 week)
 * @param frameworkIdFile where the framework id is kept, so a restarted framework re-subscribes as
 *     itself (default: none, a restart registers a new framework)
 * @param maintenanceLookahead ask the master not to offer machines whose unavailability starts within
 *     this duration ({@code null}: Mesos behaviour, offers carry the unavailability)
 */
public record SchedulerOptions(
    URI masterUrl, String kafkaBootstrapServers, String principal, String secret, URI tokenUrl, String name,
    List<String> roles, Duration failoverTimeout, Path frameworkIdFile, Duration maintenanceLookahead) {

  public SchedulerOptions {
    Objects.requireNonNull(masterUrl, "masterUrl");
    Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
    Objects.requireNonNull(name, "name");
    roles = roles == null || roles.isEmpty() ? List.of("*") : List.copyOf(roles);
    failoverTimeout = failoverTimeout == null ? Duration.ofDays(7) : failoverTimeout;
  }

  /** Options with defaults; use the {@code with…} methods for the rest. */
  public static SchedulerOptions of(String masterUrl, String kafkaBootstrapServers, String name) {
    return new SchedulerOptions(URI.create(masterUrl), kafkaBootstrapServers, null, null, null, name, null, null,
        null, null);
  }

  public SchedulerOptions withCredentials(String principal, String secret) {
    return new SchedulerOptions(masterUrl, kafkaBootstrapServers, principal, secret, tokenUrl, name, roles,
        failoverTimeout, frameworkIdFile, maintenanceLookahead);
  }

  public SchedulerOptions withTokenUrl(String url) {
    return new SchedulerOptions(masterUrl, kafkaBootstrapServers, principal, secret, URI.create(url), name, roles,
        failoverTimeout, frameworkIdFile, maintenanceLookahead);
  }

  public SchedulerOptions withRoles(List<String> newRoles) {
    return new SchedulerOptions(masterUrl, kafkaBootstrapServers, principal, secret, tokenUrl, name, newRoles,
        failoverTimeout, frameworkIdFile, maintenanceLookahead);
  }

  public SchedulerOptions withFrameworkIdFile(Path file) {
    return new SchedulerOptions(masterUrl, kafkaBootstrapServers, principal, secret, tokenUrl, name, roles,
        failoverTimeout, file, maintenanceLookahead);
  }

  public SchedulerOptions withMaintenanceLookahead(Duration lookahead) {
    return new SchedulerOptions(masterUrl, kafkaBootstrapServers, principal, secret, tokenUrl, name, roles,
        failoverTimeout, frameworkIdFile, lookahead);
  }
}
