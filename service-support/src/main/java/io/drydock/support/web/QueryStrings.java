package io.drydock.support.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Query-string checks that do not go through the servlet's parameters (which would read a form body). */
final class QueryStrings {

  private QueryStrings() {}

  /**
   * True when every name and value of {@code query} (absent: true) decodes: each {@code %} starts two hex
   * digits and the decoded bytes are valid UTF-8.
   */
  static boolean wellFormed(String query) {
    if (query == null || query.isEmpty()) {
      return true;
    }
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (!decodes(eq < 0 ? pair : pair.substring(0, eq)) || (eq >= 0 && !decodes(pair.substring(eq + 1)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean decodes(String part) {
    ByteBuffer bytes = ByteBuffer.allocate(part.length() * 4);
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%') {
        if (i + 2 >= part.length()) {
          return false;
        }
        int hi = Character.digit(part.charAt(i + 1), 16);
        int lo = Character.digit(part.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return false;
        }
        bytes.put((byte) (hi * 16 + lo));
        i += 2;
      } else {
        bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    bytes.flip();
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
