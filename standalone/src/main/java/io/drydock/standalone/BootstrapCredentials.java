package io.drydock.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bootstrap operator credential the launcher generates when no credentials file is given: made
 * once per data directory (kept in a file only its owner can read), so a restart keeps it.
 *
 * @param principal the operator principal
 * @param secret the operator secret
 * @param file the Mesos-format credentials file holding it
 */
record BootstrapCredentials(String principal, String secret, Path file) {

  static final String PRINCIPAL = "operator";
  private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([0-9a-f]+)\"");

  /**
   * The first credential of a Mesos-format credentials file the operator gave: the suite's own
   * services (master ⇄ agents) authenticate with it, and it is the operator of auth-service's APIs.
   */
  static BootstrapCredentials firstOf(Path file) throws IOException {
    JsonNode credentials = JsonMapper.builder().build()
        .readTree(Files.readString(file, StandardCharsets.UTF_8)).path("credentials");
    JsonNode first = credentials.path(0);
    if (!first.path("principal").isString() || first.path("principal").asString().isEmpty()) {
      throw new IllegalArgumentException(file + " holds no credential: expected "
          + "{\"credentials\":[{\"principal\":\"…\",\"secret\":\"…\"}]}");
    }
    return new BootstrapCredentials(first.path("principal").asString(), first.path("secret").asString(""), file);
  }

  static BootstrapCredentials loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve("bootstrap-credentials.json");
    if (Files.exists(file)) {
      Matcher m = SECRET.matcher(Files.readString(file, StandardCharsets.UTF_8));
      if (m.find()) {
        return new BootstrapCredentials(PRINCIPAL, m.group(1), file);
      }
    }
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    Files.createDirectories(dataDir);
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file,
        "{\"credentials\":[{\"principal\":\"" + PRINCIPAL + "\",\"secret\":\"" + secret + "\"}]}\n",
        StandardCharsets.UTF_8);
    return new BootstrapCredentials(PRINCIPAL, secret, file);
  }
}
