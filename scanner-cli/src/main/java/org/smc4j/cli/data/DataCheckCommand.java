package org.smc4j.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smc4j.app.data.DataCheckJob;
import org.smc4j.app.data.DataCheckRequest;
import org.smc4j.app.data.DataCheckResult;
import org.smc4j.app.data.DataCheckTotals;
import org.smc4j.app.data.FileCheck;
import org.smc4j.app.data.FundingCheck;
import org.smc4j.app.data.SeriesCheck;
import org.smc4j.app.data.UnreadableFile;
import org.smc4j.cli.ExitCodes;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.validate.PriceOutlierRule;
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataCheckResult result =
        DataCheckJob.run(
            new DataCheckRequest(inputs, Optional.ofNullable(timeframe), outlierRule()));
    if (result.filesFound() == 0) {
      err.println("error: no CSV files found in " + inputs);
      return ExitCodes.FAILED;
    }
    for (FileCheck check : result.checks()) {
      switch (check) {
        case UnreadableFile u -> err.println("unreadable: " + u.file() + ": " + u.message());
        case SeriesCheck s -> DataCheckPrinter.series(out, s);
        case FundingCheck f -> DataCheckPrinter.funding(out, f);
      }
    }
    DataCheckTotals totals = result.totals();
    DataCheckPrinter.summary(out, totals);
    out.flush();
    if (totals.unreadable() > 0) {
      return ExitCodes.FAILED;
    }
    if (strict && totals.anyProblem()) {
      err.println("strict: problems found; first: " + totals.firstProblem().orElse(""));
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
}
