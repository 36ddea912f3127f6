package org.smc4j.marketdata.validate;

import java.time.Instant;
import java.util.Objects;

/**
 * Missing bars between two consecutive bars of a series. Gaps are reported, never filled.
 *
 * @param from the open time of the first missing bar
 * @param to the open time of the last missing bar ({@code from} when one bar is missing)
 * @param missingBars how many bars are missing, {@code >= 1}
 * @param source the file of the bar after the gap
 * @param line the line of the bar after the gap
 */
public record Gap(Instant from, Instant to, long missingBars, String source, int line) {

  /**
   * Validates the gap.
   *
   * @throws IllegalArgumentException when {@code missingBars < 1} or {@code to} is before {@code
   *     from}
   */
  public Gap {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(source, "source");
    if (missingBars < 1) {
      throw new IllegalArgumentException("missingBars must be >= 1, was " + missingBars);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("gap to " + to + " is before from " + from);
    }
  }

  /** Returns {@code file:line: open_time: gap of N bar(s) from X to Y}. */
  @Override
  public String toString() {
    return source
        + ":"
        + line
        + ": open_time: gap of "
        + missingBars
        + (missingBars == 1 ? " bar" : " bars")
        + " before this bar, from "
        + from
        + " to "
        + to;
  }
}
