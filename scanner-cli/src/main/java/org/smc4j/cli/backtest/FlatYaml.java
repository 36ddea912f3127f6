package org.smc4j.cli.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML subset of backtest config files: nested mappings written with indentation, scalar
 * values, {@code #} comments and optional quotes; flattened into dotted key paths ({@code
 * strategy:} then {@code rewardRisk: 2.5} gives {@code strategy.rewardRisk = 2.5}). Lists, flow
 * style, anchors and multi-line scalars are rejected with the line number.
 */
final class FlatYaml {

  private FlatYaml() {}

  private record Level(int indent, String path) {}

  /**
   * Parses a document.
   *
   * @param text the YAML text
   * @param source named in error messages
   * @return key paths to values, in document order
   * @throws IllegalArgumentException naming {@code source:line} for anything outside the subset or
   *     a key given twice
   */
  static Map<String, String> parse(String text, String source) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Level> stack = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String where = source + ":" + (n + 1) + ": ";
      String line = stripComment(lines[n]);
      if (line.isBlank() || line.strip().equals("---")) {
        continue;
      }
      if (line.indexOf('\t') >= 0) {
        throw new IllegalArgumentException(where + "tabs are not allowed in YAML indentation");
      }
      int indent = 0;
      while (line.charAt(indent) == ' ') {
        indent++;
      }
      String body = line.strip();
      if (body.startsWith("- ")
          || body.equals("-")
          || body.startsWith("[")
          || body.startsWith("{")
          || body.startsWith("&")
          || body.startsWith("*")) {
        throw new IllegalArgumentException(
            where + "only nested 'key: value' mappings are supported, was '" + body + "'");
      }
      int colon = body.indexOf(':');
      if (colon <= 0 || (colon + 1 < body.length() && body.charAt(colon + 1) != ' ')) {
        throw new IllegalArgumentException(where + "expected 'key: value', was '" + body + "'");
      }
      String key = body.substring(0, colon).strip();
      String value = body.substring(colon + 1).strip();
      while (!stack.isEmpty() && stack.get(stack.size() - 1).indent() >= indent) {
        stack.remove(stack.size() - 1);
      }
      String parent = stack.isEmpty() ? "" : stack.get(stack.size() - 1).path() + ".";
      String path = parent + key;
      if (value.isEmpty()) {
        stack.add(new Level(indent, path));
        continue;
      }
      if (value.startsWith("|")
          || value.startsWith(">")
          || value.startsWith("[")
          || value.startsWith("{")
          || value.startsWith("&")
          || value.startsWith("*")) {
        throw new IllegalArgumentException(
            where + path + ": only scalar values are supported, was '" + value + "'");
      }
      if (out.put(path, unquote(value)) != null) {
        throw new IllegalArgumentException(where + path + ": key given twice");
      }
    }
    return out;
  }

  private static String stripComment(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#' && !single && !dbl && (i == 0 || line.charAt(i - 1) == ' ')) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
