package org.smc4j.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code output} section.
 *
 * @param journal the SQLite journal (signals of every run; also the restart de-duplication)
 * @param signals the JSON-lines file every new signal is appended to
 */
public record OutputConfig(Path journal, Path signals) {

  /** {@code smc4j-scan.db} and {@code signals.jsonl} in the working directory. */
  public static final OutputConfig DEFAULT =
      new OutputConfig(Path.of("smc4j-scan.db"), Path.of("signals.jsonl"));

  /** Validates that no component is null. */
  public OutputConfig {
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(signals, "signals");
  }
}
