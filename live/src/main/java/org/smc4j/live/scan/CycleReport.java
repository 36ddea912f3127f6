package org.smc4j.live.scan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one scan cycle did, known when it ends.
 *
 * @param closeTime the 5m close the cycle is for
 * @param symbols how many symbols were scanned
 * @param signals how many new signals were found (before de-duplication)
 * @param late the symbols whose candle of {@code closeTime} was not served in time
 * @param failures one message per symbol that failed, beside the results
 */
public record CycleReport(
    Instant closeTime, int symbols, int signals, List<String> late, List<String> failures) {

  /** Copies the lists. */
  public CycleReport {
    Objects.requireNonNull(closeTime, "closeTime");
    late = List.copyOf(late);
    failures = List.copyOf(failures);
  }

  /**
   * Returns the cycle line every loop prints: {@code cycle T: N symbols, S new signals}, then the
   * late and failed symbols when there are any.
   *
   * @return the line, without a line break
   */
  public String line() {
    return "cycle "
        + closeTime
        + ": "
        + symbols
        + " symbols, "
        + signals
        + " new signals"
        + (late.isEmpty() ? "" : ", late: " + late)
        + (failures.isEmpty() ? "" : ", failures: " + failures);
  }
}
