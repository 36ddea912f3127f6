package org.smc4j.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code logging} section: the console and a rotating log file.
 *
 * @param file the current log file; rotated files sit beside it with the date and an index
 * @param level the lowest level written
 * @param maxFileSizeMb the size at which the file rolls over, in MB
 * @param maxHistoryDays how many days of rotated files are kept
 */
public record LoggingConfig(Path file, LogLevel level, int maxFileSizeMb, int maxHistoryDays) {

  /** {@code logs/smc4j-scan.log}, info, 50 MB per file, 14 days. */
  public static final LoggingConfig DEFAULT =
      new LoggingConfig(Path.of("logs", "smc4j-scan.log"), LogLevel.INFO, 50, 14);

  /**
   * Validates the values.
   *
   * @throws IllegalArgumentException when a size or a day count is below 1
   */
  public LoggingConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(level, "level");
    if (maxFileSizeMb < 1 || maxHistoryDays < 1) {
      throw new IllegalArgumentException(
          "maxFileSizeMb and maxHistoryDays must be >= 1, were "
              + maxFileSizeMb
              + ", "
              + maxHistoryDays);
    }
  }
}
