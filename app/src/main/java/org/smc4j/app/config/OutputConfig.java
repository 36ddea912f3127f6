package org.smc4j.app.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code output} section: where the scanner's files go. A relative {@code journal} or {@code
 * signals} path (and the {@code logging.file}) lies in the data folder ({@link DataFolder}), never
 * in the working directory.
 *
 * @param dataDir the data folder; empty for the platform default ({@link DataFolder#of})
 * @param journal the SQLite journal (signals of every run, the outbox of pending deliveries and the
 *     restart catch-up); relative to the data folder unless absolute
 * @param signals the JSON-lines file every new signal is appended to; relative to the data folder
 *     unless absolute
 */
public record OutputConfig(Optional<Path> dataDir, Path journal, Path signals) {

  /** The {@code output.data-dir} value that names the platform's default data folder. */
  public static final String PLATFORM_DEFAULT = "default";

  /** The platform's data folder, {@code smc4j-scan.db} and {@code signals.jsonl} in it. */
  public static final OutputConfig DEFAULT =
      new OutputConfig(Optional.empty(), Path.of("smc4j-scan.db"), Path.of("signals.jsonl"));

  /** Validates that no component is null. */
  public OutputConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(signals, "signals");
  }

  /**
   * Creates the section with the platform's data folder.
   *
   * @param journal the journal
   * @param signals the JSON-lines file
   */
  public OutputConfig(Path journal, Path signals) {
    this(Optional.empty(), journal, signals);
  }

  /** Returns a copy with another data folder. */
  public OutputConfig withDataDir(Path value) {
    return new OutputConfig(Optional.of(value), journal, signals);
  }

  /** Returns a copy with another journal. */
  public OutputConfig withJournal(Path value) {
    return new OutputConfig(dataDir, value, signals);
  }

  /** Returns a copy with another JSON-lines file. */
  public OutputConfig withSignals(Path value) {
    return new OutputConfig(dataDir, journal, value);
  }
}
