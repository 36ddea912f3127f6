package org.smc4j.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smc4j.cli.ExitCodes;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.csv.CandleFileDiscovery;
import org.smc4j.marketdata.csv.CsvFormat;
import org.smc4j.marketdata.funding.FundingInterval;
import org.smc4j.marketdata.funding.FundingRateCsvReader;
import org.smc4j.marketdata.funding.FundingRateHistory;
import org.smc4j.marketdata.funding.FundingRates;
import org.smc4j.marketdata.validate.CandleValidator;
import org.smc4j.marketdata.validate.DataProblem;
import org.smc4j.marketdata.validate.Gap;
import org.smc4j.marketdata.validate.PriceOutlierRule;
import org.smc4j.marketdata.validate.ProblemKind;
import org.smc4j.marketdata.validate.RawCandles;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.smc4j.marketdata.validate.ValidationMode;
import org.smc4j.marketdata.validate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j data check}: reads candle and funding-rate CSV files and prints what is wrong with
 * them. Directories are walked recursively; the candle files of one directory with the same format
 * and timeframe form one series (e.g. six monthly Binance files), checked for continuity across
 * file boundaries. Exit 0 when done (lenient, the default, even if problems were found), 1 with
 * {@code --strict} when a problem was found or whenever a file cannot be read, 2 for a usage error.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check candle CSV files (Binance USDT-M kline, timestamp/OHLCV as in the Bybit files, smc4j"
          + " canonical; format detected by header) and funding-rate files (timestamp,rate).",
      "Per series: files, rows, first/last open time, timeframe, gaps (missing bars are reported,"
          + " never filled), duplicate and out-of-order times, OHLC violations, non-finite or"
          + " negative values, bars off the timeframe grid, price outliers (a range or jump far"
          + " outside the neighbouring bars', see --outlier-range), zero-volume bars (a warning: the bar"
          + " is kept). Funding files are checked for the 8 h interval.",
      "Directories are walked recursively; the candle files of one directory with the same format"
          + " and timeframe are checked as one series."
    },
    footer = {
      "",
      "Exit codes: 0 checked (lenient: problems are reported only), 1 problems found with --strict"
          + " or a file could not be read, 2 usage error.",
      "Example: smc4j data check ../shared/data --strict"
    })
public final class DataCheckCommand implements Callable<Integer> {

  /** How many items of one list are printed per series before "... and N more". */
  private static final int LIST_LIMIT = 20;

  private static final Duration FUNDING_INTERVAL = Duration.ofHours(8);

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "Candle or funding CSV files, or directories to walk for *.csv files.")
  List<Path> inputs;

  @Option(
      names = "--strict",
      description =
          "Exit 1 if any problem (dropped row, gap, irregular funding interval) is found.")
  boolean strict;

  @Option(
      names = "--timeframe",
      paramLabel = "TF",
      converter = TimeframeConverter.class,
      description =
          "Timeframe of the candle files, e.g. 5m (default: inferred per file from the data or"
              + " the file name).")
  Timeframe timeframe;

  @Option(
      names = "--outlier-range",
      paramLabel = "X",
      description =
          "A bar whose range (high - low) exceeds X times the median range of the 101 bars around"
              + " it is a price outlier (default: 50; Infinity turns the check off).")
  Double outlierRange;

  @Option(
      names = "--outlier-jump",
      paramLabel = "X",
      description =
          "A bar whose open is X median ranges from the previous close and whose close is as far"
              + " from the next open is a price outlier (default: 20; Infinity turns it off).")
  Double outlierJump;

  /** Creates the command (picocli). */
  public DataCheckCommand() {}

  private record SeriesKey(Path dir, CsvFormat format, Timeframe timeframe) {}

  /** Totals over everything checked. */
  private static final class Totals {
    int series;
    int funding;
    int unreadable;
    long rows;
    long gaps;
    long missingBars;
    long duplicates;
    long outOfOrder;
    long ohlc;
    long outliers;
    long otherDropped;
    long zeroVolume;
    long fundingProblems;
    long irregularIntervals;
    String firstProblem = "";

    void noteFirst(String problem) {
      if (firstProblem.isEmpty()) {
        firstProblem = problem;
      }
    }

    boolean anyProblem() {
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = CandleFileDiscovery.expand(inputs);
    if (files.isEmpty()) {
      err.println("error: no CSV files found in " + inputs);
      return ExitCodes.FAILED;
    }
    Totals totals = new Totals();
    Map<SeriesKey, List<RawCandles>> series = new LinkedHashMap<>();
    List<Path> fundingFiles = new ArrayList<>();
    for (Path f : files) {
      try {
        Optional<CsvFormat> format = CsvFormat.detect(f);
        if (format.isPresent() && !format.get().isCandles()) {
          fundingFiles.add(f);
          continue;
        }
        RawCandles raw = CandleCsvReader.readRaw(f);
        Timeframe tf = timeframe != null ? timeframe : CandleCsvReader.inferTimeframe(List.of(raw));
        Path dir = f.toAbsolutePath().getParent();
        series
            .computeIfAbsent(new SeriesKey(dir, format.orElseThrow(), tf), k -> new ArrayList<>())
            .add(raw);
      } catch (MarketDataException e) {
        totals.unreadable++;
        err.println("unreadable: " + f + ": " + e.getMessage());
      }
    }
    List<Map.Entry<SeriesKey, List<RawCandles>>> ordered = new ArrayList<>(series.entrySet());
    ordered.sort(
        Comparator.comparing((Map.Entry<SeriesKey, List<RawCandles>> e) -> e.getKey().dir())
            .thenComparing(e -> e.getKey().format())
            .thenComparing(e -> e.getKey().timeframe().millis()));
    for (Map.Entry<SeriesKey, List<RawCandles>> e : ordered) {
      checkSeries(out, e.getKey(), e.getValue(), outlierRule(), totals);
    }
    for (Path f : fundingFiles) {
      checkFunding(out, err, f, totals);
    }
    out.printf(
        "== summary: %d series, %d funding files, %d unreadable files; %d rows; gaps %d (%d missing"
            + " bars), duplicates %d, out-of-order %d, OHLC violations %d, price outliers %d, other"
            + " dropped rows %d,"
            + " zero-volume bars %d; funding problems %d, irregular funding intervals %d%n",
        totals.series,
        totals.funding,
        totals.unreadable,
        totals.rows,
        totals.gaps,
        totals.missingBars,
        totals.duplicates,
        totals.outOfOrder,
        totals.ohlc,
        totals.outliers,
        totals.otherDropped,
        totals.zeroVolume,
        totals.fundingProblems,
        totals.irregularIntervals);
    out.flush();
    if (totals.unreadable > 0) {
      return ExitCodes.FAILED;
    }
    if (strict && totals.anyProblem()) {
      err.println("strict: problems found; first: " + totals.firstProblem);
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }

  private PriceOutlierRule outlierRule() {
    PriceOutlierRule rule = PriceOutlierRule.DEFAULT;
    if (outlierRange != null) {
      rule = rule.withRangeMultiple(outlierRange);
    }
    if (outlierJump != null) {
      rule = rule.withJumpMultiple(outlierJump);
    }
    return rule;
  }

  private static void checkSeries(
      PrintWriter out,
      SeriesKey key,
      List<RawCandles> files,
      PriceOutlierRule rule,
      Totals totals) {
    ValidatedCandles checked =
        CandleValidator.validate(files, key.timeframe(), ValidationMode.LENIENT, rule);
    ValidationReport r = checked.report();
    totals.series++;
    totals.rows += r.rowsRead();
    List<Path> paths = r.files();
    String names =
        paths.size() == 1
            ? name(paths.get(0))
            : name(paths.get(0)) + " .. " + name(paths.get(paths.size() - 1));
    out.printf(
        "== series %s: %d file%s (%s), %s%n",
        displayDir(files.get(0).file()),
        paths.size(),
        paths.size() == 1 ? "" : "s",
        names,
        key.format());
    out.printf(
        "   timeframe %s, rows %d, bars %d, first %s, last %s%n",
        r.timeframe(),
        r.rowsRead(),
        r.barsKept(),
        r.firstOpenTime().map(Instant::toString).orElse("-"),
        r.lastOpenTime().map(Instant::toString).orElse("-"));
    long duplicates = r.count(ProblemKind.DUPLICATE_TIME);
    long outOfOrder = r.count(ProblemKind.OUT_OF_ORDER);
    long ohlc = r.count(ProblemKind.OHLC_VIOLATION);
    long nonFinite = r.count(ProblemKind.NON_FINITE);
    long negative = r.count(ProblemKind.NEGATIVE_VALUE);
    long offGrid = r.count(ProblemKind.OFF_GRID);
    long malformed = r.count(ProblemKind.MALFORMED_ROW);
    long closeTime = r.count(ProblemKind.CLOSE_TIME_MISMATCH);
    long outliers = r.count(ProblemKind.PRICE_OUTLIER);
    out.printf(
        "   gaps %d (%d missing bars), duplicates %d, out-of-order %d, OHLC violations %d, price"
            + " outliers %d, non-finite %d, negative %d, off-grid %d, malformed %d, close-time"
            + " mismatches %d%n",
        r.gaps().size(),
        r.missingBars(),
        duplicates,
        outOfOrder,
        ohlc,
        outliers,
        nonFinite,
        negative,
        offGrid,
        malformed,
        closeTime);
    List<Instant> zero = r.zeroVolumeBars();
    out.printf(
        "   zero-volume bars %d%s%n",
        zero.size(),
        zero.isEmpty() ? "" : ": " + limited(zero.stream().map(Instant::toString).toList()));
    printList(out, "gap", r.gaps().stream().map(Gap::toString).toList());
    printList(out, "dropped", r.problems().stream().map(DataProblem::toString).toList());
    totals.gaps += r.gaps().size();
    totals.missingBars += r.missingBars();
    totals.duplicates += duplicates;
    totals.outOfOrder += outOfOrder;
    totals.ohlc += ohlc;
    totals.outliers += outliers;
    totals.otherDropped += nonFinite + negative + offGrid + malformed + closeTime;
    totals.zeroVolume += zero.size();
    firstOf(r).ifPresent(totals::noteFirst);
  }

  private static Optional<String> firstOf(ValidationReport r) {
    if (r.problems().isEmpty() && r.gaps().isEmpty()) {
      return Optional.empty();
    }
    if (r.gaps().isEmpty()) {
      return Optional.of(r.problems().get(0).toString());
    }
    if (r.problems().isEmpty()) {
      return Optional.of(r.gaps().get(0).toString());
    }
    // Both lists are in series order; the earlier file (then line) comes first.
    List<String> order = r.files().stream().map(DataCheckCommand::name).toList();
    DataProblem p = r.problems().get(0);
    Gap g = r.gaps().get(0);
    int pf = order.indexOf(p.source());
    int gf = order.indexOf(g.source());
    boolean problemFirst = pf < gf || (pf == gf && p.line() <= g.line());
    return Optional.of(problemFirst ? p.toString() : g.toString());
  }

  private static void checkFunding(PrintWriter out, PrintWriter err, Path f, Totals totals) {
    FundingRates read;
    try {
      read = FundingRateCsvReader.LENIENT.read(f);
    } catch (MarketDataException e) {
      totals.unreadable++;
      err.println("unreadable: " + f + ": " + e.getMessage());
      return;
    }
    totals.funding++;
    FundingRateHistory h = read.history();
    List<FundingInterval> irregular = h.irregularIntervals(FUNDING_INTERVAL);
    out.printf(
        "== funding %s: rows %d, settlements %d, first %s, last %s, dropped rows %d, %s%n",
        f,
        read.rowsRead(),
        h.size(),
        h.first().map(Instant::toString).orElse("-"),
        h.last().map(Instant::toString).orElse("-"),
        read.problems().size(),
        irregular.isEmpty()
            ? "interval 8h throughout"
            : irregular.size() + " intervals other than 8h");
    printList(
        out,
        "irregular",
        irregular.stream()
            .map(
                i ->
                    name(f)
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
    printList(out, "dropped", read.problems().stream().map(DataProblem::toString).toList());
    totals.fundingProblems += read.problems().size();
    totals.irregularIntervals += irregular.size();
    if (!read.problems().isEmpty()) {
      totals.noteFirst(read.problems().get(0).toString());
    } else if (!irregular.isEmpty()) {
      totals.noteFirst(
          name(f) + ":" + irregular.get(0).line() + ": timestamp: interval is not 8 h");
    }
  }

  private static void printList(PrintWriter out, String label, List<String> items) {
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

  private static String displayDir(Path file) {
    Path parent = file.getParent();
    return parent == null ? "." : parent.toString();
  }

  private static String name(Path p) {
    Path n = p.getFileName();
    return n == null ? p.toString() : n.toString();
  }
}
