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
}
