package org.smc4j.marketdata.validate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a candle file, located by file and line. Its {@link #toString()} reads
 * {@code file:line: field: what is wrong}, e.g. {@code BTCUSDT-5m-2025-01.csv:17: high: 99.5 < low
 * 100.1}.
 *
 * @param source the file name
 * @param line the 1-based line number in that file (the header is line 1)
 * @param field the column or aspect at fault, e.g. {@code high}, {@code open_time}, {@code row}
 * @param message what is wrong, naming the value and the rule
 * @param kind the kind of problem
 * @param openTime the row's open time when it could be read, else empty
 */
public record DataProblem(
    String source,
    int line,
    String field,
    String message,
    ProblemKind kind,
    Optional<Instant> openTime) {

  /**
   * Validates the problem.
   *
   * @throws IllegalArgumentException when {@code line < 1} or a text is blank
   */
  public DataProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(openTime, "openTime");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, was " + line);
    }
    if (field.isBlank() || message.isBlank()) {
      throw new IllegalArgumentException("field and message must not be blank");
    }
  }

  /** Returns {@code file:line: field: message}. */
  @Override
  public String toString() {
    return source + ":" + line + ": " + field + ": " + message;
  }
}
