package org.smc4j.benchmarks.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.smc4j.app.sweep.SweepJob;
import org.smc4j.benchmarks.BenchmarkData;
import org.smc4j.benchmarks.sweep.SweepGrids;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.sweep.CandleCache;
import org.smc4j.sweep.CsvCandleSource;
import org.smc4j.sweep.CsvResultSink;
import org.smc4j.sweep.LocalSweepRunner;
import org.smc4j.sweep.ParamGrid;
import org.smc4j.sweep.ParamSet;
import org.smc4j.sweep.ParamValue;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.SweepSummary;
import org.smc4j.sweep.spark.SparkSweepResult;
import org.smc4j.sweep.spark.SparkSweepRunner;
import org.smc4j.sweep.spark.SweepSource;

/**
 * Times one sweep spec through the local runner and through Spark {@code local[N]}, alternately in
 * one JVM, each as {@code smc4j sweep} runs it: the local runner on N threads with a fresh candle
 * cache over the CSV files and its CSV result sink; {@link SparkSweepRunner#sweep()} on a session
 * started once (its start-up is timed and printed apart), which parallelizes the tasks by symbol,
 * runs the same task kernel in the executors, writes Parquet partitioned by symbol and window and
 * collects the best 10 rows of each. The spec is written as YAML (the combinations of the sweep
 * comparison's grid, listed) and read the way {@code smc4j sweep} reads it.
 *
 * <p>Usage (through the {@code spark-bench} profile, see benchmarks/README.md): {@code
 * SparkSweepComparison [--symbols 4] [--months 6] [--combos 1200] [--threads 2] [--rounds 2]
 * [--warmup 1]}.
 */
public final class SparkSweepComparison {

  private static final List<String> SYMBOLS =
      List.of("BTCUSDT", "SOLUSDT", "1000PEPEUSDT", "NEARUSDT");
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

  private SparkSweepComparison() {}

  /**
   * Runs the comparison and prints it.
   *
   * @param args the options (see the class documentation)
   * @throws IOException when the spec or the results cannot be written
   */
  public static void main(String[] args) throws IOException {
    int symbols = 4;
    int months = 6;
    int combos = 1200;
    int threads = 2;
    int rounds = 2;
    int warmup = 1;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      int value = Integer.parseInt(args[++i]);
      switch (option) {
        case "--symbols" -> symbols = value;
        case "--months" -> months = value;
        case "--combos" -> combos = value;
        case "--threads" -> threads = value;
        case "--rounds" -> rounds = value;
        case "--warmup" -> warmup = value;
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + option
                    + " (known: --symbols, --months, --combos, --threads, --rounds, --warmup)");
      }
    }
    if (symbols < 1 || symbols > SYMBOLS.size() || months < 1 || months > 6 || rounds < 1) {
      throw new IllegalArgumentException(
          "symbols must be in [1, 4], months in [1, 6] and rounds >= 1, were "
              + symbols
              + ", "
              + months
              + ", "
              + rounds);
    }
    run(symbols, months, combos, threads, warmup, rounds, System.out);
  }

  private static void run(
      int symbolCount, int months, int combos, int threads, int warmup, int rounds, PrintStream out)
      throws IOException {
    Path work = Files.createTempDirectory("smc4j-spark-sweep-bench");
    try {
      Instant to = FROM.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
      List<String> symbols = SYMBOLS.subList(0, symbolCount);
      String yaml = specYaml(symbols, to, combos);
      Path specFile = work.resolve("spec.yaml");
      Files.writeString(specFile, yaml);
      SweepSource source = SweepSource.of(yaml, specFile);
      SweepJob job = source.job();
      SweepSpec spec = job.spec();
      out.printf(
          Locale.ROOT,
          "spark vs local: %d symbols x %s .. %s x %d combinations = %d backtests in %d tasks;"
              + " %d threads / local[%d]; %d processors, JDK %s%n",
          symbols.size(),
          FROM,
          to,
          spec.grid().size(),
          symbols.size() * spec.grid().size(),
          spec.tasks().size(),
          threads,
          threads,
          Runtime.getRuntime().availableProcessors(),
          Runtime.version());
      long sparkStart = System.nanoTime();
      SparkSession spark =
          SparkSession.builder()
              .appName("SparkSweepComparison")
              .master("local[" + threads + "]")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", String.valueOf(threads))
              .getOrCreate();
      out.printf(
          Locale.ROOT,
          "spark session started in %.2f s (load average %.2f)%n",
          (System.nanoTime() - sparkStart) / 1e9,
          loadAverage());
      double[] local = new double[rounds];
      double[] onSpark = new double[rounds];
      try {
        for (int round = 0; round < warmup + rounds; round++) {
          boolean measured = round >= warmup;
          Path dir = work.resolve("round-" + round);
          // alternate which side goes first, so neither always runs on a warmer machine
          double l;
          double s;
          if (round % 2 == 0) {
            l = local(job, spec, threads, dir.resolve("local"), to);
            s = spark(spark, source, dir.resolve("spark"), spec);
          } else {
            s = spark(spark, source, dir.resolve("spark"), spec);
            l = local(job, spec, threads, dir.resolve("local"), to);
          }
          if (measured) {
            local[round - warmup] = l;
            onSpark[round - warmup] = s;
          }
          out.printf(
              Locale.ROOT,
              "%s: local %.2f s, spark %.2f s, spark / local %.3f (load average %.2f)%n",
              measured ? "round " + (round - warmup + 1) : "warm-up " + (round + 1),
              l,
              s,
              s / l,
              loadAverage());
        }
      } finally {
        spark.stop();
      }
      out.printf(
          Locale.ROOT,
          "median of %d rounds: local %.2f s, spark %.2f s, spark / local %.3f (goal <= 1.3)%n",
          rounds,
          median(local),
          median(onSpark),
          median(onSpark) / median(local));
    } finally {
      delete(work);
    }
  }

  private static double local(SweepJob job, SweepSpec spec, int threads, Path out, Instant to)
      throws IOException {
    long start = System.nanoTime();
    CsvResultSink sink = CsvResultSink.open(out, spec);
    SweepSummary summary =
        new LocalSweepRunner(
                threads,
                new CandleCache(
                    CsvCandleSource.of(job.data(), CandleCsvReader.STRICT, FROM, to), 4),
                p -> {},
                System::nanoTime)
            .run(spec, sink);
    double seconds = (System.nanoTime() - start) / 1e9;
    check("local", summary, spec);
    return seconds;
  }

  private static double spark(SparkSession spark, SweepSource source, Path out, SweepSpec spec)
      throws IOException {
    long start = System.nanoTime();
    SparkSweepResult result = new SparkSweepRunner(spark, source, out.toString(), 10).sweep();
    double seconds = (System.nanoTime() - start) / 1e9;
    check("spark", result.summary(), spec);
    if (result.best().isEmpty()) {
      throw new IllegalStateException("spark collected no best rows");
    }
    return seconds;
  }

  private static void check(String side, SweepSummary summary, SweepSpec spec) {
    long expected = spec.symbols().size() * spec.grid().size();
    if (!summary.failures().isEmpty() || summary.combos() != expected) {
      throw new IllegalStateException(
          side
              + ": ran "
              + summary.combos()
              + " of "
              + expected
              + " backtests, failures "
              + summary.failures());
    }
  }

  /** The spec as {@code smc4j sweep} reads it: the first combinations of the comparison grid. */
  private static String specYaml(List<String> symbols, Instant to, int combos) {
    StringBuilder y = new StringBuilder();
    y.append("data: ").append(BenchmarkData.dataDir().resolve("binance-usdm")).append('\n');
    y.append("symbols: ").append(symbols).append('\n');
    y.append("from: ").append(FROM.toString(), 0, 10).append('\n');
    y.append("to: ").append(to.toString(), 0, 10).append('\n');
    y.append("objective: net-r\nmin-trades: 0\nblock-size: 25\ngrid:\n  list:\n");
    ParamGrid grid = SweepGrids.first(combos);
    for (long c = 0; c < grid.size(); c++) {
      ParamSet p = grid.at(c);
      List<String> pairs = new ArrayList<>();
      for (String key : p.keys()) {
        pairs.add(key + ": " + text(p.get(key)));
      }
      y.append("    - {").append(String.join(", ", pairs)).append("}\n");
    }
    return y.toString();
  }

  private static String text(ParamValue v) {
    return switch (v) {
      case ParamValue.Decimal d -> d.value().toPlainString();
      case ParamValue.Flag f -> String.valueOf(f.value());
      case ParamValue.Word w -> w.value();
    };
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete " + p, e);
        }
      }
    }
  }
}
