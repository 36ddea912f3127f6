package org.smc4j.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Secret values (the Telegram bot token, the Discord webhook URL), looked up by the names the
 * configuration gives: first in the process environment, then in a {@code .env} file. Values are
 * never logged or printed; {@link #toString()} shows only which names are set.
 *
 * <p>{@code .env} format: one {@code NAME=value} per line; blank lines and lines starting with
 * {@code #} are ignored; an optional {@code export } prefix is accepted; a value may be wrapped in
 * single or double quotes. Any other line is an error naming the file and line (without echoing the
 * line, which may hold a secret).
 */
public final class Secrets {

  private final Map<String, String> environment;
  private final Map<String, String> dotEnv;
  private final Optional<Path> dotEnvFile;

  private Secrets(
      Map<String, String> environment, Map<String, String> dotEnv, Optional<Path> dotEnvFile) {
    this.environment = Map.copyOf(environment);
    this.dotEnv = Map.copyOf(dotEnv);
    this.dotEnvFile = dotEnvFile;
  }

  /**
   * Creates the lookup.
   *
   * @param environment the process environment (e.g. {@link System#getenv()})
   * @param dotEnvFile a {@code .env} file, read when it exists
   * @return the lookup
   * @throws ConfigException when the {@code .env} file exists but cannot be read or has a bad line
   */
  public static Secrets of(Map<String, String> environment, Optional<Path> dotEnvFile) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(dotEnvFile, "dotEnvFile");
    Map<String, String> values = new LinkedHashMap<>();
    Optional<Path> used = Optional.empty();
    if (dotEnvFile.isPresent() && Files.isRegularFile(dotEnvFile.get())) {
      used = dotEnvFile;
      Path file = dotEnvFile.get();
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigException("", "cannot read " + file + ": " + e, e);
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("export ")) {
          line = line.substring("export ".length()).strip();
        }
        int eq = line.indexOf('=');
        String name = eq < 0 ? "" : line.substring(0, eq).strip();
        if (eq <= 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new ConfigException(
              "", file + " line " + (i + 1) + ": expected NAME=value (line not shown: secrets)");
        }
        String value = line.substring(eq + 1).strip();
        if (value.length() >= 2
            && ((value.startsWith("\"") && value.endsWith("\""))
                || (value.startsWith("'") && value.endsWith("'")))) {
          value = value.substring(1, value.length() - 1);
        }
        values.put(name, value);
      }
    }
    return new Secrets(environment, values, used);
  }

  /**
   * Returns a secret.
   *
   * @param name the environment variable's name
   * @return its value (environment first, then {@code .env}), or empty when unset or blank
   */
  public Optional<String> get(String name) {
    String v = environment.get(name);
    if (v == null || v.isBlank()) {
      v = dotEnv.get(name);
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /**
   * Says where a secret comes from, never its value.
   *
   * @param name the environment variable's name
   * @return {@code "set (environment)"}, {@code "set (.env)"} or {@code "not set"}
   */
  public String describe(String name) {
    String v = environment.get(name);
    if (v != null && !v.isBlank()) {
      return "set in the environment, value redacted";
    }
    if (dotEnv.get(name) != null && !dotEnv.get(name).isBlank()) {
      return "set in " + dotEnvFile.map(Path::toString).orElse(".env") + ", value redacted";
    }
    return "not set";
  }

  /** Returns a value-free description. */
  @Override
  public String toString() {
    return "Secrets[.env=" + dotEnvFile.map(Path::toString).orElse("none") + "]";
  }
}
