package org.smc4j.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smc4j.cli.ExitCodes;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.csv.CandleFileDiscovery;
import org.smc4j.marketdata.csv.CanonicalCandleCsvWriter;
import org.smc4j.marketdata.resample.CandleResampler;
import org.smc4j.marketdata.resample.IncompleteBucket;
import org.smc4j.marketdata.resample.ResampledCandles;
import org.smc4j.marketdata.validate.DataProblem;
import org.smc4j.marketdata.validate.Gap;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.smc4j.marketdata.validate.ValidationMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j data resample}: reads candle files as one series, aggregates them into a longer
 * timeframe (buckets aligned to 00:00 UTC, incomplete buckets dropped and reported) and writes
 * smc4j's canonical CSV.
 */
@Command(
    name = "resample",
    mixinStandardHelpOptions = true,
    description = {
      "Resample candle CSV files (read as one series) into a longer timeframe that is a whole"
          + " multiple of theirs, and write canonical CSV (open_time,open,high,low,close,volume).",
      "Buckets are aligned to 00:00 UTC. A bucket is written only if all its bars are present;"
          + " incomplete buckets (at the start, the end or in a gap) are dropped and listed."
          + " Invalid input rows are dropped and listed (or fail the command with --strict)."
    },
    footer = {
      "",
      "Exit codes: 0 written, 1 unreadable input (or a problem with --strict), 2 usage error.",
      "Example: smc4j data resample --to 15m ../shared/data/bybit-linear/BTCUSDT/5m -o"
          + " BTCUSDT_15m.csv"
    })
public final class DataResampleCommand implements Callable<Integer> {

  private static final int LIST_LIMIT = 20;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "Candle CSV files, or directories to walk for *.csv files; one series.")
  List<Path> inputs;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "TF",
      converter = TimeframeConverter.class,
      description = "Target timeframe, a whole multiple of the input's, e.g. 15m.")
  Timeframe target;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.csv",
      description = "Output file (canonical CSV; overwritten).")
  Path output;

  @Option(
      names = "--timeframe",
      paramLabel = "TF",
      converter = TimeframeConverter.class,
      description = "Timeframe of the input files (default: inferred).")
  Timeframe timeframe;

  @Option(names = "--strict", description = "Fail on the first problem in the input.")
  boolean strict;

  /** Creates the command (picocli). */
  public DataResampleCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = CandleFileDiscovery.expand(inputs);
    if (files.isEmpty()) {
      spec.commandLine().getErr().println("error: no CSV files found in " + inputs);
      return ExitCodes.FAILED;
    }
    CandleCsvReader reader =
        CandleCsvReader.of(strict ? ValidationMode.STRICT : ValidationMode.LENIENT);
    if (timeframe != null) {
      reader = reader.withTimeframe(timeframe);
    }
    ValidatedCandles in = reader.read(files);
    ResampledCandles result = CandleResampler.resample(in.bars(), target);
    CanonicalCandleCsvWriter.write(output, result.bars());

    out.printf(
        "read %d bars of %s from %d file%s (%d invalid rows dropped, %d gaps with %d missing"
            + " bars)%n",
        in.bars().size(),
        in.bars().timeframe(),
        files.size(),
        files.size() == 1 ? "" : "s",
        in.report().problems().size(),
        in.report().gaps().size(),
        in.report().missingBars());
    printList(
        out, "dropped row", in.report().problems().stream().map(DataProblem::toString).toList());
    printList(out, "gap", in.report().gaps().stream().map(Gap::toString).toList());
    out.printf(
        "wrote %d bars of %s to %s; dropped %d incomplete bucket%s%n",
        result.bars().size(),
        target,
        output,
        result.dropped().size(),
        result.dropped().size() == 1 ? "" : "s");
    printList(
        out,
        "incomplete bucket",
        result.dropped().stream().map(IncompleteBucket::toString).toList());
    out.flush();
    return ExitCodes.OK;
  }

  private static void printList(PrintWriter out, String label, List<String> items) {
    int shown = Math.min(items.size(), LIST_LIMIT);
    for (int i = 0; i < shown; i++) {
      out.println("  " + label + ": " + items.get(i));
    }
    if (items.size() > shown) {
      out.println("  ... and " + (items.size() - shown) + " more");
    }
  }
}
