package org.smc4j.app.data;

import java.util.Objects;
import java.util.Optional;

/**
 * Totals over everything a {@link DataCheckJob} checked.
 *
 * @param series candle series checked
 * @param funding funding files checked
 * @param unreadable files that could not be read
 * @param rows candle rows read
 * @param gaps gaps between kept bars
 * @param missingBars bars missing in all gaps
 * @param duplicates rows dropped for a repeated time
 * @param outOfOrder rows dropped for a time before the previous row's
 * @param ohlc rows dropped for OHLC violations
 * @param outliers bars dropped as price outliers
 * @param otherDropped rows dropped for another reason (see {@link SeriesCheck#otherDropped})
 * @param zeroVolume bars kept with zero volume (a warning, not a problem)
 * @param fundingProblems funding rows dropped
 * @param irregularIntervals funding intervals other than {@link DataCheckJob#FUNDING_INTERVAL}
 * @param firstProblem the first problem in report order, empty when none was found
 */
public record DataCheckTotals(
    int series,
    int funding,
    int unreadable,
    long rows,
    long gaps,
    long missingBars,
    long duplicates,
    long outOfOrder,
    long ohlc,
    long outliers,
    long otherDropped,
    long zeroVolume,
    long fundingProblems,
    long irregularIntervals,
    Optional<String> firstProblem) {

  /** Checks for nulls. */
  public DataCheckTotals {
    Objects.requireNonNull(firstProblem, "firstProblem");
  }

  /** Returns whether a row was dropped, a gap found or a funding interval irregular. */
  public boolean anyProblem() {
    return gaps
            + duplicates
            + outOfOrder
            + ohlc
            + outliers
            + otherDropped
            + fundingProblems
            + irregularIntervals
        > 0;
  }
}
