package org.smc4j.cli.scan.config;

import java.util.Objects;

/**
 * A configuration problem: an unknown key, a value of the wrong type or out of range, a missing
 * secret. The message starts with the key path, e.g. {@code strategy.swing.15m.left: must be >= 1,
 * was 0}.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * Creates the exception.
   *
   * @param path the key path, e.g. {@code strategy.swing.15m.left}; empty for the whole file
   * @param problem what is wrong, e.g. {@code must be >= 1, was 0}
   */
  public ConfigException(String path, String problem) {
    super((path.isEmpty() ? "" : path + ": ") + Objects.requireNonNull(problem, "problem"));
    this.path = path;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param path the key path
   * @param problem what is wrong
   * @param cause the underlying error
   */
  public ConfigException(String path, String problem, Throwable cause) {
    super((path.isEmpty() ? "" : path + ": ") + Objects.requireNonNull(problem, "problem"), cause);
    this.path = path;
  }

  /** Returns the key path of the problem; empty when it concerns the whole file. */
  public String path() {
    return path;
  }
}
