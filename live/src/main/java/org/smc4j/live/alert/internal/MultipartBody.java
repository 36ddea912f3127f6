package org.smc4j.live.alert.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) built in memory: text fields and files, in the
 * order added.
 */
public final class MultipartBody {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._\\[\\]-]+");

  private record Part(String name, String filename, String contentType, byte[] content) {}

  private final List<Part> parts = new ArrayList<>();

  /**
   * Adds a text field, UTF-8.
   *
   * @param name the field name (letters, digits, {@code . _ - [ ]})
   * @param value the value
   * @param contentType the part's content type, e.g. {@code text/plain; charset=UTF-8}
   * @return this
   */
  public MultipartBody field(String name, String value, String contentType) {
    parts.add(
        new Part(
            checkName(name, "name"),
            null,
            Objects.requireNonNull(contentType, "contentType"),
            Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /**
   * Adds a file.
   *
   * @param name the field name
   * @param filename the file name sent (letters, digits, {@code . _ -})
   * @param contentType the file's content type, e.g. {@code image/png}
   * @param content the bytes (not copied; the caller passes a private copy)
   * @return this
   */
  public MultipartBody file(String name, String filename, String contentType, byte[] content) {
    parts.add(
        new Part(
            checkName(name, "name"),
            checkName(filename, "filename"),
            Objects.requireNonNull(contentType, "contentType"),
            Objects.requireNonNull(content, "content")));
    return this;
  }

  /** An encoded body and the {@code Content-Type} header that goes with it. */
  public record Encoded(String contentType, byte[] body) {}

  /**
   * Encodes the parts with a fresh random boundary that occurs in none of them.
   *
   * @return the content type (with its boundary) and the body
   */
  public Encoded encode() {
    String boundary;
    do {
      byte[] random = new byte[16];
      RANDOM.nextBytes(random);
      boundary = "smc4j-" + HexFormat.of().formatHex(random);
    } while (occursInAPart(boundary));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts) {
      StringBuilder head = new StringBuilder();
      head.append("--").append(boundary).append("\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
      if (p.filename() != null) {
        head.append("; filename=\"").append(p.filename()).append('"');
      }
      head.append("\r\n");
      head.append("Content-Type: ").append(p.contentType()).append("\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(p.content());
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return new Encoded("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  /**
   * A file name safe for a {@code Content-Disposition} header: every character outside letters,
   * digits, {@code . _ -} becomes {@code _}.
   *
   * @param base the wanted name, e.g. a symbol
   * @param extension the extension without dot, e.g. {@code png}
   * @return the safe name, e.g. {@code BTC-USDT-SWAP.png}
   */
  public static String safeFilename(String base, String extension) {
    return base.replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
  }

  private boolean occursInAPart(String boundary) {
    byte[] b = boundary.getBytes(StandardCharsets.US_ASCII);
    for (Part p : parts) {
      if (indexOf(p.content(), b) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String checkName(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!SAFE_NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " must match " + SAFE_NAME.pattern() + ", was '" + value + "'");
    }
    return value;
  }
}
