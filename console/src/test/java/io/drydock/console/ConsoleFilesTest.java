package io.drydock.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console is self-contained: every module it imports and every file the page links is one of its own
 * files (no CDN, nothing fetched from elsewhere at run time), and credentials are never stored.
 */
class ConsoleFilesTest {

  private static final Path ROOT = Path.of("src/main/resources/META-INF/resources/console");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import\\b.*?['\"]([^'\"]+)['\"];\\s*$");
  private static final Pattern LINK = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");

  @Test
  void everyImportAndLinkResolvesToAFileOfTheConsole() throws IOException {
    List<Path> files = files();
    assertThat(files).extracting(p -> ROOT.relativize(p).toString()).contains("index.html", "app.js", "api.js");
    for (Path file : files) {
      String text = Files.readString(file);
      Matcher m = (file.toString().endsWith(".html") ? LINK : IMPORT).matcher(text);
      while (m.find()) {
        String target = m.group(1);
        assertThat(target).as(file + " refers to " + target).doesNotContain("//");
        assertThat(file.getParent().resolve(target).normalize()).as(file + " → " + target).exists();
      }
    }
  }

  @Test
  void credentialsAreNeverStoredByThePage() throws IOException {
    for (Path file : files()) {
      assertThat(Files.readString(file)).as(file.toString())
          .doesNotContain("localStorage", "sessionStorage", "document.cookie");
    }
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList();
    }
  }
}
