package org.smc4j.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.smc4j.app.data.DataCheckTotals;
import org.smc4j.app.data.FundingCheck;
import org.smc4j.app.data.SeriesCheck;
import org.smc4j.marketdata.funding.FundingRateHistory;
import org.smc4j.marketdata.validate.DataProblem;
import org.smc4j.marketdata.validate.Gap;
import org.smc4j.marketdata.validate.ProblemKind;
import org.smc4j.marketdata.validate.ValidationReport;

/** Prints the results of {@code data check}: one block per series and funding file, a summary. */
final class DataCheckPrinter {

  /** How many items of one list are printed per series before "... and N more". */
  private static final int LIST_LIMIT = 20;

  private DataCheckPrinter() {}

  static void series(PrintWriter out, SeriesCheck s) {
    ValidationReport r = s.report();
    List<Path> paths = r.files();
    String names =
        paths.size() == 1
            ? name(paths.get(0))
            : name(paths.get(0)) + " .. " + name(paths.get(paths.size() - 1));
    out.printf(
        "== series %s: %d file%s (%s), %s%n",
        s.folder(), paths.size(), paths.size() == 1 ? "" : "s", names, s.format());
    out.printf(
        "   timeframe %s, rows %d, bars %d, first %s, last %s%n",
        r.timeframe(),
        r.rowsRead(),
        r.barsKept(),
        r.firstOpenTime().map(Instant::toString).orElse("-"),
        r.lastOpenTime().map(Instant::toString).orElse("-"));
    out.printf(
        "   gaps %d (%d missing bars), duplicates %d, out-of-order %d, OHLC violations %d, price"
            + " outliers %d, non-finite %d, negative %d, off-grid %d, malformed %d, close-time"
            + " mismatches %d%n",
        r.gaps().size(),
        r.missingBars(),
        s.duplicates(),
        s.outOfOrder(),
        s.ohlcViolations(),
        s.priceOutliers(),
        r.count(ProblemKind.NON_FINITE),
        r.count(ProblemKind.NEGATIVE_VALUE),
        r.count(ProblemKind.OFF_GRID),
        r.count(ProblemKind.MALFORMED_ROW),
        r.count(ProblemKind.CLOSE_TIME_MISMATCH));
    List<Instant> zero = r.zeroVolumeBars();
    out.printf(
        "   zero-volume bars %d%s%n",
        zero.size(),
        zero.isEmpty() ? "" : ": " + limited(zero.stream().map(Instant::toString).toList()));
    list(out, "gap", r.gaps().stream().map(Gap::toString).toList());
    list(out, "dropped", r.problems().stream().map(DataProblem::toString).toList());
  }

  static void funding(PrintWriter out, FundingCheck f) {
    Path file = f.read().file();
    FundingRateHistory h = f.read().history();
    out.printf(
        "== funding %s: rows %d, settlements %d, first %s, last %s, dropped rows %d, %s%n",
        file,
        f.read().rowsRead(),
        h.size(),
        h.first().map(Instant::toString).orElse("-"),
        h.last().map(Instant::toString).orElse("-"),
        f.read().problems().size(),
        f.irregular().isEmpty()
            ? "interval 8h throughout"
            : f.irregular().size() + " intervals other than 8h");
    list(
        out,
        "irregular",
        f.irregular().stream()
            .map(
                i ->
                    name(file)
                        + ":"
                        + i.line()
                        + ": timestamp: "
                        + i.length().toHours()
                        + " h after the previous settlement ("
                        + i.from()
                        + " .. "
                        + i.to()
                        + ")")
            .toList());
    list(out, "dropped", f.read().problems().stream().map(DataProblem::toString).toList());
  }

  static void summary(PrintWriter out, DataCheckTotals t) {
    out.printf(
        "== summary: %d series, %d funding files, %d unreadable files; %d rows; gaps %d (%d missing"
            + " bars), duplicates %d, out-of-order %d, OHLC violations %d, price outliers %d, other"
            + " dropped rows %d,"
            + " zero-volume bars %d; funding problems %d, irregular funding intervals %d%n",
        t.series(),
        t.funding(),
        t.unreadable(),
        t.rows(),
        t.gaps(),
        t.missingBars(),
        t.duplicates(),
        t.outOfOrder(),
        t.ohlc(),
        t.outliers(),
        t.otherDropped(),
        t.zeroVolume(),
        t.fundingProblems(),
        t.irregularIntervals());
  }

  private static void list(PrintWriter out, String label, List<String> items) {
    int shown = Math.min(items.size(), LIST_LIMIT);
    for (int i = 0; i < shown; i++) {
      out.println("   " + label + ": " + items.get(i));
    }
    if (items.size() > shown) {
      out.println("   ... and " + (items.size() - shown) + " more " + label + " lines");
    }
  }

  private static String limited(List<String> items) {
    if (items.size() <= LIST_LIMIT) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, LIST_LIMIT))
        + ", ... and "
        + (items.size() - LIST_LIMIT)
        + " more";
  }

  private static String name(Path p) {
    Path n = p.getFileName();
    return n == null ? p.toString() : n.toString();
  }
}
