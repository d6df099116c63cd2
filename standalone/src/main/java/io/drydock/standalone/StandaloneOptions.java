package io.drydock.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line.
 *
 * @param dataDir where PostgreSQL, Kafka and the bootstrap credentials live (default
 *     {@code ./drydock-data}); a second start on the same directory keeps the state
 * @param agents how many simulated agents agent-service runs (default 3)
 * @param credentials a Mesos-format credentials file; when absent a bootstrap operator credential is
 *     generated (once per data directory) and printed
 * @param acls a Mesos-format ACL file; when absent the ACLs are Mesos's default (empty, permissive)
 * @param masterPort master-service's port (default 5050)
 * @param agentPort agent-service's port (default 5051)
 * @param maintenancePort maintenance-service's port (default 5052)
 * @param authPort auth-service's port (default 5053)
 * @param postgresPort the embedded PostgreSQL's port (default 15432)
 * @param kafkaPort the embedded Kafka broker's port (default 19092; its controller uses the next one)
 * @param jsonLogs structured (ECS JSON) logs instead of plain text (default false)
 * @param passThrough any {@code --spring...} or {@code --drydock...} argument, given to every service
 */
public record StandaloneOptions(
    Path dataDir, int agents, Path credentials, Path acls, int masterPort, int agentPort, int maintenancePort,
    int authPort, int postgresPort, int kafkaPort, boolean jsonLogs, List<String> passThrough) {

  static final String USAGE = """
      Usage: java -jar standalone.jar [options]
        --data-dir DIR          state directory (default ./drydock-data)
        --agents N              simulated agents (default 3)
        --credentials FILE      Mesos credentials JSON (default: generate a bootstrap operator)
        --acls FILE             Mesos ACL JSON (default: empty ACLs, permissive)
        --master-port P         default 5050     --agent-port P        default 5051
        --maintenance-port P    default 5052     --auth-port P         default 5053
        --postgres-port P       default 15432    --kafka-port P        default 19092
        --json-logs             structured ECS JSON logs
        --spring.x=y / --drydock.x=y  passed to every service
      """;

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException with a message for the user when an argument is wrong
   */
  public static StandaloneOptions parse(String... args) {
    Path dataDir = Path.of("drydock-data");
    int agents = 3;
    Path credentials = null;
    Path acls = null;
    int master = 5050;
    int agent = 5051;
    int maintenance = 5052;
    int auth = 5053;
    int postgres = 15432;
    int kafka = 19092;
    boolean jsonLogs = false;
    List<String> passThrough = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (name.startsWith("--spring.") || name.startsWith("--drydock.") || name.startsWith("--logging.")) {
        passThrough.add(arg);
        continue;
      }
      if (name.equals("--json-logs")) {
        jsonLogs = true;
        continue;
      }
      if (name.equals("--help") || name.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Missing value for " + name + "\n" + USAGE);
        }
        value = args[++i];
      }
      switch (name) {
        case "--data-dir" -> dataDir = Path.of(value);
        case "--agents" -> agents = number(name, value, 0, 100_000);
        case "--credentials" -> credentials = Path.of(value);
        case "--acls" -> acls = Path.of(value);
        case "--master-port" -> master = port(name, value);
        case "--agent-port" -> agent = port(name, value);
        case "--maintenance-port" -> maintenance = port(name, value);
        case "--auth-port" -> auth = port(name, value);
        case "--postgres-port" -> postgres = port(name, value);
        case "--kafka-port" -> kafka = port(name, value);
        default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
      }
    }
    return new StandaloneOptions(dataDir.toAbsolutePath().normalize(), agents, credentials, acls, master, agent,
        maintenance, auth, postgres, kafka, jsonLogs, List.copyOf(passThrough));
  }

  private static int port(String name, String value) {
    return number(name, value, 1, 65_534);
  }

  private static int number(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " expects a number, not '" + value + "'");
    }
  }
}
