package org.smc4j.sweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.smc4j.app.config.ConfigException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.sweep.ResultRow;
import org.smc4j.sweep.SweepSummary;
import org.smc4j.sweep.TaskFailure;

/**
 * The {@code spark-submit} entry point: {@code SparkSweepMain [--master URL] [--best N] [--data
 * URI] [--funding URI] SPEC.yaml OUT}. It reads the sweep spec ({@code smc4j sweep}'s format), runs
 * it with {@link SparkSweepRunner}, writes the rows as Parquet under {@code OUT} (partitioned by
 * symbol and window; a path or URI such as {@code s3a://bucket/runs/sweep}) and prints the summary
 * and the best {@code N} rows (default 3) of each symbol and window. Run again with the same spec
 * and {@code OUT} after a crash, it computes only the (symbol, window) cells not yet finished.
 * {@code --data} and {@code --funding} replace the spec's folders with URIs the executors can read
 * ({@code hdfs://...}, {@code s3a://...}, {@code file:/shared/...}). {@code --master} is for a run
 * without {@code spark-submit} (e.g. {@code local[*]}); under {@code spark-submit} its own {@code
 * --master} applies. Exits with 2 on a bad command line or spec (a symbol without candles
 * included), 1 when a task failed.
 */
public final class SparkSweepMain {

  private static final String USAGE =
      "usage: SparkSweepMain [--master URL] [--best N] [--data URI] [--funding URI] SPEC.yaml OUT";

  private static final List<String> VALUED = List.of("--master", "--best", "--data", "--funding");

  private SparkSweepMain() {}

  /**
   * Runs a sweep.
   *
   * @param args the command line
   * @throws IOException when the spec cannot be read
   */
  public static void main(String[] args) throws IOException {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs a sweep and returns the exit code.
   *
   * @param args the command line
   * @param out where the summary goes
   * @param err where problems go
   * @return 0 on success, 1 when a task failed, 2 on a bad command line or spec
   * @throws IOException when the spec cannot be read
   */
  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    Optional<String> master = Optional.empty();
    Optional<String> data = Optional.empty();
    Optional<String> funding = Optional.empty();
    int best = 3;
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (VALUED.contains(a) && i + 1 >= args.length) {
        err.println(a + " needs a value; " + USAGE);
        return 2;
      }
      if (a.equals("--master")) {
        master = Optional.of(args[++i]);
      } else if (a.equals("--data")) {
        data = Optional.of(args[++i]);
      } else if (a.equals("--funding")) {
        funding = Optional.of(args[++i]);
      } else if (a.equals("--best")) {
        try {
          best = Integer.parseInt(args[++i]);
        } catch (NumberFormatException e) {
          err.println("--best must be a whole number, was " + args[i] + "; " + USAGE);
          return 2;
        }
      } else if (a.startsWith("--")) {
        err.println("unknown option " + a + "; " + USAGE);
        return 2;
      } else {
        positional.add(a);
      }
    }
    if (positional.size() != 2 || best < 0) {
      err.println(USAGE);
      return 2;
    }
    Path specFile = Path.of(positional.get(0));
    SweepSource source;
    try {
      source = SweepSource.of(Files.readString(specFile, StandardCharsets.UTF_8), specFile);
    } catch (ConfigException e) {
      err.println(specFile + ": " + e.getMessage());
      return 2;
    }
    source = data.map(source::withData).orElse(source);
    source = funding.map(source::withFunding).orElse(source);
    SparkSession.Builder builder = SparkSession.builder().appName("smc4j sweep " + specFile);
    master.ifPresent(builder::master);
    SparkSession spark = builder.getOrCreate();
    try {
      Optional<String> missing = missingSymbols(spark, source);
      if (missing.isPresent()) {
        err.println(specFile + ": symbols: " + missing.get());
        return 2;
      }
      SparkSweepResult result =
          new SparkSweepRunner(spark, source, positional.get(1), best).sweep();
      print(result, positional.get(1), out);
      return result.summary().failures().isEmpty() ? 0 : 1;
    } catch (IOException e) {
      err.println(e.getMessage());
      return 2;
    } finally {
      spark.stop();
    }
  }

  /** Lists the data folder on the driver: a symbol without candle files is refused before work. */
  private static Optional<String> missingSymbols(SparkSession spark, SweepSource source)
      throws IOException {
    List<String> found;
    try {
      found =
          HadoopCandleSource.of(
                  source.data(),
                  spark.sparkContext().hadoopConfiguration(),
                  CandleCsvReader.STRICT,
                  Instant.EPOCH,
                  Instant.EPOCH)
              .symbols();
    } catch (UncheckedIOException e) {
      throw new IOException(e.getMessage(), e);
    }
    for (String symbol : source.job().spec().symbols()) {
      if (!found.contains(symbol)) {
        return Optional.of(
            symbol + " has no candle files in " + source.data() + " (found " + found + ")");
      }
    }
    return Optional.empty();
  }

  private static void print(SparkSweepResult result, String output, PrintStream out) {
    SweepSummary s = result.summary();
    out.printf(
        Locale.ROOT,
        "%d tasks, %d combinations in %.1f s; rows in %s (Parquet, by symbol and window)%n",
        s.ran(),
        s.combos(),
        s.elapsed().toMillis() / 1000.0,
        output);
    for (ResultRow r : result.best()) {
      out.printf(
          Locale.ROOT,
          "%s window %d combo %d: %d trades, net %.2f R, net $%.2f  [%s]%n",
          r.symbol(),
          r.window().index(),
          r.combo(),
          r.metrics().trades(),
          r.metrics().totalRNet(),
          r.metrics().netPnl(),
          r.params());
    }
    for (TaskFailure f : s.failures()) {
      out.println("FAILED " + f.taskId() + ": " + f.message());
    }
  }
}
