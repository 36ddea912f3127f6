package org.smc4j.app.config;

import java.util.Objects;

/**
 * A configuration problem: an unknown key, a value of the wrong type or out of range, a duplicate
 * key, a missing secret. The message names the file (when the problem is in one) and the key path,
 * e.g. {@code smc4j.yaml: strategy.swing.15m.left: must be >= 1, was 0}.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final String source;

  /**
   * Creates the exception.
   *
   * @param path the key path, e.g. {@code strategy.swing.15m.left}; empty for the whole file
   * @param problem what is wrong, e.g. {@code must be >= 1, was 0}
   */
  public ConfigException(String path, String problem) {
    this(path, problem, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param path the key path
   * @param problem what is wrong
   * @param cause the underlying error, or null
   */
  public ConfigException(String path, String problem, Throwable cause) {
    this("", path, problem, cause);
  }

  private ConfigException(String source, String path, String problem, Throwable cause) {
    super(
        (source.isEmpty() ? "" : source + ": ")
            + (path.isEmpty() ? "" : path + ": ")
            + Objects.requireNonNull(problem, "problem"),
        cause);
    this.path = path;
    this.source = source;
  }

  /**
   * Returns the same problem located in a file: its message then starts with the file name.
   *
   * @param file the file name, as the user gave it
   * @return the located exception (this one when it already names a file)
   */
  ConfigException inFile(String file) {
    if (!source.isEmpty()) {
      return this;
    }
    String message = getMessage();
    String problem = path.isEmpty() ? message : message.substring(path.length() + 2);
    ConfigException located = new ConfigException(file, path, problem, getCause());
    located.setStackTrace(getStackTrace());
    return located;
  }

  /** Returns the key path of the problem; empty when it concerns the whole file. */
  public String path() {
    return path;
  }

  /** Returns the file the problem is in; empty when it is not in a file (e.g. an option). */
  public String source() {
    return source;
  }
}
