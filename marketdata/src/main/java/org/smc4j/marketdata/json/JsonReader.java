package org.smc4j.marketdata.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads JSON text (RFC 8259) into a {@link JsonValue}. Strict: one value, optionally surrounded by
 * whitespace; no comments, no trailing commas, no single quotes. A duplicate member name keeps the
 * last value, as most readers do. Stateless and thread-safe.
 */
public final class JsonReader {

  /** Nesting deeper than this is refused rather than risking the stack. */
  public static final int MAX_DEPTH = 256;

  private final String text;
  private int pos;

  private JsonReader(String text) {
    this.text = text;
  }

  /**
   * Reads one JSON text.
   *
   * @param text the text
   * @return its value
   * @throws JsonSyntaxException naming line and column when the text is not one JSON value
   */
  public static JsonValue parse(String text) {
    JsonReader reader = new JsonReader(Objects.requireNonNull(text, "text"));
    reader.skipWhitespace();
    JsonValue value = reader.value(0);
    reader.skipWhitespace();
    if (reader.pos < text.length()) {
      throw reader.error("unexpected " + reader.describeNext() + " after the value");
    }
    return value;
  }

  private JsonValue value(int depth) {
    if (pos >= text.length()) {
      throw error("unexpected end of text, expected a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> new JsonValue.JsonString(string());
      case 't' -> literal("true", new JsonValue.JsonBoolean(true));
      case 'f' -> literal("false", new JsonValue.JsonBoolean(false));
      case 'n' -> literal("null", JsonValue.JsonNull.INSTANCE);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected " + describeNext() + ", expected a value");
      }
    };
  }

  private JsonValue object(int depth) {
    checkDepth(depth);
    pos++; // {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return new JsonValue.JsonObject(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("unexpected " + describeNext() + ", expected a member name in quotes");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      members.put(name, value(depth));
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == '}') {
        pos++;
        return new JsonValue.JsonObject(members);
      } else {
        throw error("unexpected " + describeNext() + ", expected ',' or '}'");
      }
    }
  }

  private JsonValue array(int depth) {
    checkDepth(depth);
    pos++; // [
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return new JsonValue.JsonArray(elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(value(depth));
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == ']') {
        pos++;
        return new JsonValue.JsonArray(elements);
      } else {
        throw error("unexpected " + describeNext() + ", expected ',' or ']'");
      }
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unexpected end of text inside a string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("control character U+" + hex(c) + " inside a string must be escaped");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("unexpected end of text inside a string");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(unicodeEscape());
        default -> {
          pos--;
          throw error("unknown escape \\" + e + " inside a string");
        }
      }
    }
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) {
      throw error("unexpected end of text inside a \\u escape");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos), 16);
      if (digit < 0) {
        throw error("\\u escape needs four hex digits");
      }
      code = code * 16 + digit;
      pos++;
    }
    return (char) code;
  }

  private JsonValue number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("a number needs a digit after '-'");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("a number needs a digit after '.'");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("a number needs a digit in its exponent");
      }
      digits();
    }
    return new JsonValue.JsonNumber(text.substring(start, pos));
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private JsonValue literal(String word, JsonValue value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describeNext() + ", expected a value");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("unexpected " + describeNext() + ", expected '" + c + "'");
    }
    pos++;
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  /** The next character, or NUL at the end (NUL never starts a valid token). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String describeNext() {
    if (pos >= text.length()) {
      return "end of text";
    }
    char c = text.charAt(pos);
    return c < 0x20 || c > 0x7e ? "character U+" + hex(c) : "'" + c + "'";
  }

  private static String hex(char c) {
    return String.format(Locale.ROOT, "%04X", (int) c);
  }

  private JsonSyntaxException error(String what) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < pos && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new JsonSyntaxException("line " + line + ", column " + column + ": " + what);
  }
}
