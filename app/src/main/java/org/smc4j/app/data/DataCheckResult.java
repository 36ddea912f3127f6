package org.smc4j.app.data;

import java.util.List;
import java.util.Optional;

/**
 * What {@link DataCheckJob} found.
 *
 * @param filesFound the CSV files found in the inputs (0: nothing was checked)
 * @param checks in report order: the candle files that could not be read, then the candle series
 *     sorted by folder, format and timeframe, then each funding file (checked or unreadable) in
 *     input order
 */
public record DataCheckResult(int filesFound, List<FileCheck> checks) {

  /** Copies the list. */
  public DataCheckResult {
    checks = List.copyOf(checks);
  }

  /** Returns the totals over all checks. */
  public DataCheckTotals totals() {
    int series = 0;
    int funding = 0;
    int unreadable = 0;
    long rows = 0;
    long gaps = 0;
    long missingBars = 0;
    long duplicates = 0;
    long outOfOrder = 0;
    long ohlc = 0;
    long outliers = 0;
    long otherDropped = 0;
    long zeroVolume = 0;
    long fundingProblems = 0;
    long irregularIntervals = 0;
    Optional<String> first = Optional.empty();
    for (FileCheck check : checks) {
      switch (check) {
        case UnreadableFile u -> unreadable++;
        case SeriesCheck s -> {
          series++;
          rows += s.report().rowsRead();
          gaps += s.report().gaps().size();
          missingBars += s.report().missingBars();
          duplicates += s.duplicates();
          outOfOrder += s.outOfOrder();
          ohlc += s.ohlcViolations();
          outliers += s.priceOutliers();
          otherDropped += s.otherDropped();
          zeroVolume += s.report().zeroVolumeBars().size();
        }
        case FundingCheck f -> {
          funding++;
          fundingProblems += f.read().problems().size();
          irregularIntervals += f.irregular().size();
        }
      }
      if (first.isEmpty()) {
        first = check.firstProblem();
      }
    }
    return new DataCheckTotals(
        series,
        funding,
        unreadable,
        rows,
        gaps,
        missingBars,
        duplicates,
        outOfOrder,
        ohlc,
        outliers,
        otherDropped,
        zeroVolume,
        fundingProblems,
        irregularIntervals,
        first);
  }
}
