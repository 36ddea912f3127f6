package org.smc4j.app.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.marketdata.csv.CsvFormat;
import org.smc4j.marketdata.validate.DataProblem;
import org.smc4j.marketdata.validate.Gap;
import org.smc4j.marketdata.validate.ProblemKind;
import org.smc4j.marketdata.validate.ValidationReport;

/**
 * The check of one candle series: the files of one folder with the same format and timeframe,
 * validated as one series (leniently: every bad row and gap is reported, none stops the check).
 *
 * @param folder the folder of the series' first file as it was given ({@code .} for none)
 * @param format the files' format
 * @param report what validation found, gaps across file boundaries included
 */
public record SeriesCheck(Path folder, CsvFormat format, ValidationReport report)
    implements FileCheck {

  /** Checks for nulls. */
  public SeriesCheck {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(report, "report");
  }

  /** Returns the rows dropped for a time already seen. */
  public long duplicates() {
    return report.count(ProblemKind.DUPLICATE_TIME);
  }

  /** Returns the rows dropped for a time before the previous row's. */
  public long outOfOrder() {
    return report.count(ProblemKind.OUT_OF_ORDER);
  }

  /** Returns the rows dropped for high, low, open and close out of order. */
  public long ohlcViolations() {
    return report.count(ProblemKind.OHLC_VIOLATION);
  }

  /** Returns the bars dropped as price outliers. */
  public long priceOutliers() {
    return report.count(ProblemKind.PRICE_OUTLIER);
  }

  /**
   * Returns the rows dropped for any other reason: non-finite or negative values, off the grid,
   * malformed, close time not matching the open time.
   */
  public long otherDropped() {
    return report.count(ProblemKind.NON_FINITE)
        + report.count(ProblemKind.NEGATIVE_VALUE)
        + report.count(ProblemKind.OFF_GRID)
        + report.count(ProblemKind.MALFORMED_ROW)
        + report.count(ProblemKind.CLOSE_TIME_MISMATCH);
  }

  /** Returns the earlier of the first dropped row and the first gap, by file then line. */
  @Override
  public Optional<String> firstProblem() {
    List<DataProblem> problems = report.problems();
    List<Gap> gaps = report.gaps();
    if (problems.isEmpty() && gaps.isEmpty()) {
      return Optional.empty();
    }
    if (gaps.isEmpty()) {
      return Optional.of(problems.get(0).toString());
    }
    if (problems.isEmpty()) {
      return Optional.of(gaps.get(0).toString());
    }
    // Both lists are in series order; the earlier file (then line) comes first.
    List<String> order = report.files().stream().map(SeriesCheck::name).toList();
    DataProblem p = problems.get(0);
    Gap g = gaps.get(0);
    int pf = order.indexOf(p.source());
    int gf = order.indexOf(g.source());
    boolean problemFirst = pf < gf || (pf == gf && p.line() <= g.line());
    return Optional.of(problemFirst ? p.toString() : g.toString());
  }

  static String name(Path p) {
    Path n = p.getFileName();
    return n == null ? p.toString() : n.toString();
  }
}
