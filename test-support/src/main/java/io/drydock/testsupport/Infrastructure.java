package io.drydock.testsupport;

/**
 * A running PostgreSQL and Kafka broker shared by every test of one JVM. Obtain it with
 * {@link #get()}; it starts on first use and stops when the JVM exits.
 */
public interface Infrastructure {

  /** The JDBC URL of the test database. */
  String jdbcUrl();

  String username();

  String password();

  /** Kafka's bootstrap servers, {@code host:port[,host:port]}. */
  String kafkaBootstrapServers();

  /** The one instance of this JVM, started on first call. */
  static Infrastructure get() {
    return Holder.INSTANCE;
  }

  /** Which implementation runs: {@code embedded} (default) or {@code testcontainers} (explicit opt-in). */
  static String mode() {
    String mode = System.getProperty("drydock.test.infra", System.getenv("DRYDOCK_TEST_INFRA"));
    return mode == null || mode.isBlank() ? "embedded" : mode.trim();
  }

  /** Lazy holder: the infrastructure starts once, when first asked for. */
  final class Holder {
    static final Infrastructure INSTANCE = start();

    private Holder() {}

    private static Infrastructure start() {
      return switch (mode()) {
        case "embedded" -> EmbeddedInfrastructure.start();
        case "testcontainers" -> ContainerInfrastructure.start();
        default -> throw new IllegalStateException(
            "drydock.test.infra must be 'embedded' or 'testcontainers', not '" + mode() + "'");
      };
    }
  }
}
