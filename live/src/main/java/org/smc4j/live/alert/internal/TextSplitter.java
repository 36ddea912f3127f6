package org.smc4j.live.alert.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into chunks of at most {@code limit} UTF-16 units (the unit Telegram counts in, and
 * never fewer than Discord's code points), preferring to break at a line break, then at a space,
 * and never inside a surrogate pair. The break character itself is dropped; nothing else is, except
 * chunks that would be only whitespace (platforms reject empty messages).
 */
public final class TextSplitter {

  private TextSplitter() {}

  /**
   * Splits the text.
   *
   * @param text the text
   * @param limit the maximum chunk length; at least 2
   * @return the chunks in order; one chunk (the text itself) when it fits
   */
  public static List<String> split(String text, int limit) {
    if (limit < 2) {
      throw new IllegalArgumentException("limit must be >= 2, was " + limit);
    }
    List<String> chunks = new ArrayList<>();
    String rest = text;
    while (rest.length() > limit) {
      int cut = rest.lastIndexOf('\n', limit);
      int skip = 1;
      if (cut <= 0) {
        cut = rest.lastIndexOf(' ', limit);
      }
      if (cut <= 0) {
        cut = Character.isHighSurrogate(rest.charAt(limit - 1)) ? limit - 1 : limit;
        skip = 0;
      }
      add(chunks, rest.substring(0, cut));
      rest = rest.substring(cut + skip);
    }
    add(chunks, rest);
    return List.copyOf(chunks);
  }

  private static void add(List<String> chunks, String chunk) {
    if (!chunk.isBlank()) {
      chunks.add(chunk);
    }
  }
}
