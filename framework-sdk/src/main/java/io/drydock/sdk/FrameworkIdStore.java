package io.drydock.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Keeps the framework id in a file, written atomically, so a restarted framework re-subscribes as itself. */
final class FrameworkIdStore {

  private final Path file;

  FrameworkIdStore(Path file) {
    this.file = file;
  }

  String load() {
    if (file == null || !Files.exists(file)) {
      return null;
    }
    try {
      String id = Files.readString(file, StandardCharsets.UTF_8).trim();
      return id.isEmpty() ? null : id;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the framework id from " + file, e);
    }
  }

  void save(String frameworkId) {
    if (file == null) {
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, "framework-id", ".tmp");
      Files.writeString(tmp, frameworkId, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the framework id in " + file, e);
    }
  }
}
