package org.smc4j.live.alert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a multipart/form-data body as a receiver would, to check what a sink sent. */
final class MultipartParser {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("; name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("; filename=\"([^\"]*)\"");

  /** One part. */
  record Part(String name, String filename, String contentType, byte[] content) {

    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private MultipartParser() {}

  static List<Part> parse(String contentType, byte[] body) {
    if (contentType == null || !contentType.startsWith("multipart/form-data")) {
      throw new AssertionError("not multipart/form-data: " + contentType);
    }
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      throw new AssertionError("no boundary in " + contentType);
    }
    byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
    byte[] crlf = {'\r', '\n'};
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(body, delimiter, 0);
    if (pos != 0) {
      throw new AssertionError("body does not start with the delimiter");
    }
    while (true) {
      int afterDelimiter = pos + delimiter.length;
      if (body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
        break;
      }
      int headersStart = afterDelimiter + 2;
      int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, headersStart);
      String head =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
      int contentStart = headersEnd + 4;
      byte[] next = concat(crlf, delimiter);
      int contentEnd = indexOf(body, next, contentStart);
      if (contentEnd < 0) {
        throw new AssertionError("unterminated part");
      }
      String disposition = headers.getOrDefault("content-disposition", "");
      Matcher name = NAME.matcher(disposition);
      Matcher filename = FILENAME.matcher(disposition);
      parts.add(
          new Part(
              name.find() ? name.group(1) : null,
              filename.find() ? filename.group(1) : null,
              headers.get("content-type"),
              Arrays.copyOfRange(body, contentStart, contentEnd)));
      pos = contentEnd + 2;
    }
    return parts;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
