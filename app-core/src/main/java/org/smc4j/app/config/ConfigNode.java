package org.smc4j.app.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of the YAML file, read key by key with a default for every key. Each read records the
 * key as known; {@link #finish()} then rejects whatever keys were not read, naming their path.
 * Every error names the key path and the rule.
 */
final class ConfigNode {

  private final String path;
  private final Map<String, Object> values;
  private final Set<String> known = new LinkedHashSet<>();

  private ConfigNode(String path, Map<String, Object> values) {
    this.path = path;
    this.values = values;
  }

  /**
   * Wraps the root mapping of a file.
   *
   * @param root the parsed mapping (empty for an empty file)
   * @return the node
   */
  static ConfigNode root(Map<?, ?> root) {
    return new ConfigNode("", textKeys("", root));
  }

  private static Map<String, Object> textKeys(String path, Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String s)) {
        throw new ConfigException(path, "keys must be text, found " + describe(e.getKey()));
      }
      copy.put(s, e.getValue());
    }
    return copy;
  }

  /** Returns the path of a key of this mapping, e.g. {@code strategy.swing}. */
  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Returns the path of this mapping. */
  String path() {
    return path;
  }

  private Object raw(String key) {
    known.add(key);
    return values.get(key);
  }

  /** Declares keys of this mapping as known, for mappings whose keys are read only when given. */
  void accept(String... keys) {
    known.addAll(List.of(keys));
  }

  /** Returns whether the mapping gives the key a value (null counts as absent). */
  boolean has(String key) {
    return values.get(key) != null;
  }

  /** Returns a nested mapping; an empty one when the key is absent or null. */
  ConfigNode section(String key) {
    Object v = raw(key);
    if (v == null) {
      return new ConfigNode(pathOf(key), Map.of());
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw new ConfigException(pathOf(key), "must be a mapping of keys, was " + describe(v));
    }
    return new ConfigNode(pathOf(key), textKeys(pathOf(key), map));
  }

  /** Reads a whole number in {@code [min, max]}. */
  int integer(String key, int def, int min, int max) {
    Object v = raw(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Integer || v instanceof Long || v instanceof BigInteger)) {
      throw new ConfigException(pathOf(key), "must be a whole number, was " + describe(v));
    }
    BigInteger n = new BigInteger(v.toString());
    if (n.compareTo(BigInteger.valueOf(min)) < 0) {
      throw new ConfigException(pathOf(key), "must be >= " + min + ", was " + n);
    }
    if (n.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new ConfigException(pathOf(key), "must be <= " + max + ", was " + n);
    }
    return n.intValue();
  }

  /** Reads a finite decimal number; {@code min} and {@code max} are inclusive bounds. */
  BigDecimal decimal(String key, BigDecimal def, BigDecimal min, BigDecimal max) {
    Object v = raw(key);
    if (v == null) {
      return def;
    }
    BigDecimal d;
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      d = new BigDecimal(v.toString());
    } else if (v instanceof Double x) {
      if (!Double.isFinite(x)) {
        throw new ConfigException(pathOf(key), "must be a finite number, was " + x);
      }
      // Shortest decimal form of the double, without the trailing zeros of its text (2.0E-4).
      d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
      if (d.scale() < 0) {
        d = d.setScale(0);
      }
    } else {
      throw new ConfigException(pathOf(key), "must be a number, was " + describe(v));
    }
    if (d.compareTo(min) < 0) {
      throw new ConfigException(
          pathOf(key), "must be >= " + min.toPlainString() + ", was " + d.toPlainString());
    }
    if (d.compareTo(max) > 0) {
      throw new ConfigException(
          pathOf(key), "must be <= " + max.toPlainString() + ", was " + d.toPlainString());
    }
    return d;
  }

  /** Reads a finite number in {@code [min, max]} as a double. */
  double number(String key, double def, double min, double max) {
    return decimal(
            key,
            new BigDecimal(Double.toString(def)),
            new BigDecimal(Double.toString(min)),
            new BigDecimal(Double.toString(max)))
        .doubleValue();
  }

  /** Reads true or false. */
  boolean bool(String key, boolean def) {
    Object v = raw(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Boolean b)) {
      throw new ConfigException(pathOf(key), "must be true or false, was " + describe(v));
    }
    return b;
  }

  /** Reads a text value; numbers are not accepted silently as text. */
  String string(String key, String def) {
    Object v = raw(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof String s)) {
      throw new ConfigException(pathOf(key), "must be text (quote it), was " + describe(v));
    }
    return s;
  }

  /** Reads a list of non-empty text values. */
  List<String> strings(String key, List<String> def) {
    Object v = raw(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof List<?> list)) {
      throw new ConfigException(pathOf(key), "must be a list, was " + describe(v));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (!(item instanceof String s) || s.isBlank()) {
        throw new ConfigException(
            pathOf(key) + "[" + i + "]", "must be non-empty text, was " + describe(item));
      }
      out.add(s.strip());
    }
    return List.copyOf(out);
  }

  /** Reads one of an enum's constants, case-insensitively, with dashes for underscores. */
  <E extends Enum<E>> E choice(String key, E def, Class<E> type) {
    String s = string(key, null);
    if (s == null) {
      return def;
    }
    String wanted = s.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(wanted)) {
        return e;
      }
      names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw new ConfigException(pathOf(key), "must be one of " + names + ", was '" + s + "'");
  }

  /**
   * Reads a duration such as {@code 500ms}, {@code 2s}, {@code 15m}, {@code 1h}, {@code 7d} or ISO
   * {@code PT1S}, at least {@code min}.
   */
  Duration duration(String key, Duration def, Duration min) {
    Object v = raw(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof String s)) {
      throw new ConfigException(
          pathOf(key), "must be a duration like 500ms, 2s, 15m, 1h, was " + describe(v));
    }
    Duration d = parseDuration(pathOf(key), s);
    if (d.compareTo(min) < 0) {
      throw new ConfigException(
          pathOf(key), "must be >= " + format(min) + ", was " + format(d) + " ('" + s + "')");
    }
    return d;
  }

  /** Reads a duration as {@link #duration}, or the word {@code never}, which gives empty. */
  Optional<Duration> durationOrNever(String key, Optional<Duration> def, Duration min) {
    Object v = raw(key);
    if (v == null) {
      return def;
    }
    if (v instanceof String s && "never".equalsIgnoreCase(s.strip())) {
      return Optional.empty();
    }
    if (!(v instanceof String)) {
      throw new ConfigException(
          pathOf(key), "must be a duration like 12h or 30m, or never, was " + describe(v));
    }
    return Optional.of(duration(key, Duration.ZERO, min));
  }

  /** Reads an absolute http(s) URL. */
  URI url(String key, URI def) {
    String s = string(key, null);
    if (s == null) {
      return def;
    }
    try {
      URI u = new URI(s.strip());
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw new ConfigException(
            pathOf(key), "must be an http(s) URL with a host, was '" + s + "'");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new ConfigException(pathOf(key), "is not a URL: " + e.getMessage(), e);
    }
  }

  /** Reads a file path. */
  Path file(String key, Path def) {
    String s = string(key, null);
    if (s == null) {
      return def;
    }
    if (s.isBlank()) {
      throw new ConfigException(pathOf(key), "must be a file path, was empty");
    }
    try {
      return Path.of(s.strip());
    } catch (InvalidPathException e) {
      throw new ConfigException(pathOf(key), "is not a valid path: " + e.getMessage(), e);
    }
  }

  /**
   * Rejects every key of this mapping that was not read.
   *
   * @throws ConfigException naming the first unknown key and the known ones
   */
  void finish() {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        throw new ConfigException(pathOf(key), "unknown key (known here: " + known + ")");
      }
    }
  }

  static Duration parseDuration(String path, String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("pt") || s.startsWith("p")) {
        return checkNonNegative(path, Duration.parse(text.strip().toUpperCase(Locale.ROOT)), text);
      }
    } catch (DateTimeParseException e) {
      throw new ConfigException(path, "is not a duration: '" + text + "'", e);
    }
    int split = 0;
    while (split < s.length() && (Character.isDigit(s.charAt(split)) || s.charAt(split) == '.')) {
      split++;
    }
    if (split == 0 || split == s.length()) {
      throw new ConfigException(
          path, "must be a duration like 500ms, 2s, 15m, 1h or 7d, was '" + text + "'");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(s.substring(0, split));
    } catch (NumberFormatException e) {
      throw new ConfigException(path, "is not a duration: '" + text + "'", e);
    }
    long unitMillis =
        switch (s.substring(split).strip()) {
          case "ms" -> 1L;
          case "s" -> 1_000L;
          case "m", "min" -> 60_000L;
          case "h" -> 3_600_000L;
          case "d" -> 86_400_000L;
          default ->
              throw new ConfigException(
                  path, "unknown duration unit in '" + text + "' (use ms, s, m, h or d)");
        };
    BigDecimal millis = amount.multiply(BigDecimal.valueOf(unitMillis));
    if (millis.stripTrailingZeros().scale() > 0) {
      throw new ConfigException(path, "must be a whole number of milliseconds, was '" + text + "'");
    }
    return Duration.ofMillis(millis.longValueExact());
  }

  private static Duration checkNonNegative(String path, Duration d, String text) {
    if (d.isNegative()) {
      throw new ConfigException(path, "must not be negative, was '" + text + "'");
    }
    return d;
  }

  /** Formats a duration the way the file accepts it, e.g. {@code 1h}, {@code 500ms}. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 86_400_000L == 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms != 0 && ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms != 0 && ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    }
    if (ms % 1_000L == 0) {
      return ms / 1_000L + "s";
    }
    return ms + "ms";
  }

  private static String describe(Object v) {
    if (v == null) {
      return "nothing";
    }
    if (v instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    if (v instanceof String s) {
      return "text '" + s + "'";
    }
    if (v instanceof Boolean || v instanceof Number) {
      return String.valueOf(v);
    }
    return Objects.toString(v.getClass().getSimpleName());
  }
}
