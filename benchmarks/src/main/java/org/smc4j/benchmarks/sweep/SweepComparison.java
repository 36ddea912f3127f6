package org.smc4j.benchmarks.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.core.signal.Side;
import org.smc4j.core.ta4j.ConfluenceStrategyFactory;
import org.smc4j.core.ta4j.StrategySeries;
import org.smc4j.sweep.CandleCache;
import org.smc4j.sweep.LocalSweepRunner;
import org.smc4j.sweep.ResultRow;
import org.smc4j.sweep.SweepSummary;
import org.smc4j.trading.journal.Journal;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Strategy;
import org.ta4j.core.Trade;
import org.ta4j.core.backtest.BacktestExecutor;
import org.ta4j.core.reports.TradingStatement;

/**
 * Times one sweep's backtests four ways, round after round in one JVM, each round running every
 * variant once (the order rotating from round to round), so that all of them see the same machine
 * load:
 *
 * <ul>
 *   <li>{@link Variant#ANCHOR}: the backtests one by one, {@code new
 *       BacktestEngine(settings).run(symbol)} for each symbol and combination, with each
 *       combination's settings built beforehand (untimed): the engine and its broker, nothing else;
 *   <li>{@link Variant#SWEEP_1_THREAD} and {@link Variant#SWEEP_2_THREADS}: the sweep module's
 *       {@link LocalSweepRunner} on the same spec (its {@code TaskExecutor} kernel: grid lookup,
 *       settings, engine, metrics, rows), with the candles read beforehand;
 *   <li>{@link Variant#TA4J}: ta4j 0.21's {@link BacktestExecutor} over the same grid of smc4j's
 *       ta4j strategy ({@link ConfluenceStrategyFactory} on a {@link StrategySeries} per
 *       combination), longs and shorts, on {@code DoubleNum} series of the same candles built
 *       beforehand. The executor runs its strategies on a parallel stream (the common pool: both
 *       cores here).
 * </ul>
 *
 * After every sweep its rows are checked against the anchor's trade counts, combination by
 * combination, so both sides provably ran the same backtests.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.smc4j.benchmarks.sweep.SweepComparison [--symbols 4]
 * [--months 6] [--combos 200] [--rounds 3] [--warmup 1] [--variants anchor,sweep1,sweep2,ta4j]}.
 */
public final class SweepComparison {

  /** One way of running the sweep's backtests. */
  public enum Variant {
    /** The engine, one backtest after the other. */
    ANCHOR("anchor", "engine one by one (1 thread)"),
    /** The local runner on one thread. */
    SWEEP_1_THREAD("sweep1", "LocalSweepRunner, 1 thread"),
    /** The local runner on two threads. */
    SWEEP_2_THREADS("sweep2", "LocalSweepRunner, 2 threads"),
    /** ta4j's executor over smc4j's ta4j strategy. */
    TA4J("ta4j", "ta4j BacktestExecutor (parallel stream)");

    private final String option;
    private final String label;

    Variant(String option, String label) {
      this.option = option;
      this.label = label;
    }

    /** Returns the name used on the command line. */
    public String option() {
      return option;
    }

    /** Returns what the variant runs, for the printed table. */
    public String label() {
      return label;
    }

    static Variant ofOption(String text) {
      for (Variant v : values()) {
        if (v.option.equals(text)) {
          return v;
        }
      }
      throw new IllegalArgumentException(
          "unknown variant '" + text + "' (known: anchor, sweep1, sweep2, ta4j)");
    }
  }

  /**
   * What a comparison measured.
   *
   * @param size the workload, as printed
   * @param backtests backtests per run of a variant (ta4j: combinations x symbols, each a long and
   *     a short strategy)
   * @param seconds each variant's measured runs, in seconds, round by round
   * @param trades each variant's result count of its last run: trades (smc4j) or closed positions
   *     (ta4j)
   */
  public record Report(
      String size, long backtests, Map<Variant, double[]> seconds, Map<Variant, Long> trades) {

    /** Copies the maps. */
    public Report {
      seconds = Map.copyOf(seconds);
      trades = Map.copyOf(trades);
    }

    /** Returns a variant's median run time in seconds. */
    public double median(Variant v) {
      return SweepComparison.median(seconds.get(v));
    }
  }

  private final SweepWorkload workload;
  private final long[][] anchorTrades;

  private SweepComparison(SweepWorkload workload) {
    this.workload = workload;
    this.anchorTrades = new long[workload.symbols.size()][workload.settings.size()];
  }

  /**
   * Runs the comparison from the command line and prints it.
   *
   * @param args the options (see the class documentation)
   */
  public static void main(String[] args) {
    int symbols = 4;
    int months = 6;
    int combos = 200;
    int rounds = 3;
    int warmup = 1;
    Set<Variant> variants = EnumSet.allOf(Variant.class);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--symbols" -> symbols = Integer.parseInt(value);
        case "--months" -> months = Integer.parseInt(value);
        case "--combos" -> combos = Integer.parseInt(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--variants" -> {
          variants = EnumSet.noneOf(Variant.class);
          for (String v : value.split(",")) {
            variants.add(Variant.ofOption(v.trim()));
          }
        }
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + option
                    + " (known: --symbols, --months, --combos, --rounds, --warmup, --variants)");
      }
    }
    run(symbols, months, combos, warmup, rounds, variants, System.out);
  }

  /**
   * Loads the workload and runs the comparison.
   *
   * @param symbols how many symbols, 1 to 4
   * @param months how many months from January 2025, 1 to 6
   * @param combos how many combinations, 1 to 2,400
   * @param warmup rounds run first and not measured, {@code >= 0}
   * @param rounds measured rounds, {@code >= 1}
   * @param variants what to run; the anchor always runs (the sweeps are checked against it)
   * @param out receives the progress and the table
   * @return what was measured
   * @throws IllegalArgumentException when a size is out of range
   * @throws IllegalStateException when a sweep's rows differ from the anchor's backtests
   */
  public static Report run(
      int symbols,
      int months,
      int combos,
      int warmup,
      int rounds,
      Set<Variant> variants,
      PrintStream out) {
    if (rounds < 1 || warmup < 0) {
      throw new IllegalArgumentException(
          "rounds must be >= 1 and warmup >= 0, were " + rounds + " and " + warmup);
    }
    EnumSet<Variant> chosen = EnumSet.copyOf(variants);
    chosen.add(Variant.ANCHOR);
    long loadStart = System.nanoTime();
    SweepWorkload w = SweepWorkload.load(symbols, months, combos);
    out.printf(
        Locale.ROOT,
        "sweep comparison: %s; loaded in %.1f s; %d processors, JDK %s%n",
        w.describe(),
        (System.nanoTime() - loadStart) / 1e9,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    SweepComparison comparison = new SweepComparison(w);
    List<Variant> order = new ArrayList<>(chosen);
    Map<Variant, double[]> seconds = new EnumMap<>(Variant.class);
    Map<Variant, Long> trades = new EnumMap<>(Variant.class);
    for (Variant v : order) {
      seconds.put(v, new double[rounds]);
    }
    // The anchor runs first in the first round: the sweeps are checked against its trade counts.
    for (int round = 0; round < warmup + rounds; round++) {
      StringBuilder line =
          new StringBuilder(
              round < warmup ? "warm-up " + (round + 1) : "round " + (round - warmup + 1));
      for (int k = 0; k < order.size(); k++) {
        Variant v = order.get((k + round) % order.size());
        long start = System.nanoTime();
        long result = comparison.runOnce(v);
        double s = (System.nanoTime() - start) / 1e9;
        trades.put(v, result);
        if (round >= warmup) {
          seconds.get(v)[round - warmup] = s;
        }
        line.append(String.format(Locale.ROOT, "  %s %.2f s", v.option(), s));
      }
      line.append(String.format(Locale.ROOT, "  (load average %.2f)", loadAverage()));
      out.println(line);
    }
    Report report = new Report(w.describe(), w.backtests(), seconds, trades);
    print(report, w, out);
    return report;
  }

  private long runOnce(Variant v) {
    return switch (v) {
      case ANCHOR -> anchor();
      case SWEEP_1_THREAD -> sweep(1);
      case SWEEP_2_THREADS -> sweep(2);
      case TA4J -> ta4j();
    };
  }

  private long anchor() {
    long trades = 0;
    for (int s = 0; s < workload.inputs.size(); s++) {
      List<SymbolInput> one = List.of(workload.inputs.get(s));
      for (int c = 0; c < workload.settings.size(); c++) {
        BacktestSettings settings = workload.settings.get(c);
        BacktestResult result =
            new BacktestEngine(settings).run(one, Journal.NONE, ProgressListener.NONE);
        if (!result.failures().isEmpty()) {
          throw new IllegalStateException(
              workload.symbols.get(s)
                  + " combination "
                  + c
                  + ": "
                  + result.failures().get(0).message());
        }
        anchorTrades[s][c] = result.trades().size();
        trades += result.trades().size();
      }
    }
    return trades;
  }

  private long sweep(int threads) {
    CollectingSink sink = new CollectingSink();
    SweepSummary summary;
    try {
      summary =
          new LocalSweepRunner(
                  threads,
                  new CandleCache(new InMemoryCandleSource(workload.bars), 4),
                  p -> {},
                  System::nanoTime)
              .run(workload.spec, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!summary.failures().isEmpty()) {
      throw new IllegalStateException("sweep failed: " + summary.failures());
    }
    List<ResultRow> rows = sink.rows();
    if (rows.size() != workload.backtests()) {
      throw new IllegalStateException(
          "sweep gave " + rows.size() + " rows, expected " + workload.backtests());
    }
    long trades = 0;
    for (ResultRow r : rows) {
      long expected = anchorTrades[workload.symbols.indexOf(r.symbol())][(int) r.combo()];
      if (r.metrics().trades() != expected) {
        throw new IllegalStateException(
            r.symbol()
                + " combination "
                + r.combo()
                + ": the sweep's row has "
                + r.metrics().trades()
                + " trades, the engine run one by one "
                + expected);
      }
      trades += r.metrics().trades();
    }
    return trades;
  }

  private long ta4j() {
    long positions = 0;
    for (int s = 0; s < workload.series.size(); s++) {
      BarSeries series = workload.series.get(s);
      double tick = workload.inputs.get(s).spec().tickSize().doubleValue();
      List<Strategy> longs = new ArrayList<>();
      List<Strategy> shorts = new ArrayList<>();
      for (int c = 0; c < workload.runSettings.size(); c++) {
        StrategySeries smc =
            StrategySeries.of(series, workload.runSettings.get(c).strategy(), tick);
        longs.add(ConfluenceStrategyFactory.of(smc, Side.LONG));
        shorts.add(ConfluenceStrategyFactory.of(smc, Side.SHORT));
      }
      BacktestExecutor executor = new BacktestExecutor(series);
      List<TradingStatement> l =
          executor.execute(longs, series.numFactory().one(), Trade.TradeType.BUY);
      List<TradingStatement> sh =
          executor.execute(shorts, series.numFactory().one(), Trade.TradeType.SELL);
      for (TradingStatement t : l) {
        positions += t.getTradingRecord().getPositionCount();
      }
      for (TradingStatement t : sh) {
        positions += t.getTradingRecord().getPositionCount();
      }
    }
    return positions;
  }

  private static void print(Report r, SweepWorkload w, PrintStream out) {
    out.printf(
        Locale.ROOT, "%nmedian of %d measured rounds:%n", r.seconds().get(Variant.ANCHOR).length);
    out.printf(
        Locale.ROOT,
        "%-42s %10s %10s %14s %12s %12s%n",
        "variant",
        "median s",
        "min s",
        "ms / backtest",
        "ns / bar",
        "trades");
    for (Variant v : Variant.values()) {
      double[] s = r.seconds().get(v);
      if (s == null) {
        continue;
      }
      double m = median(s);
      out.printf(
          Locale.ROOT,
          "%-42s %10.2f %10.2f %14.3f %12.1f %12d%n",
          v.label(),
          m,
          Arrays.stream(s).min().orElseThrow(),
          m * 1e3 / r.backtests(),
          m * 1e9 / (w.bars() * (double) w.settings.size()),
          r.trades().get(v));
    }
    ratio(r, out, Variant.SWEEP_1_THREAD, Variant.ANCHOR, "sweep 1 thread / anchor (goal <= 1.10)");
    ratio(
        r,
        out,
        Variant.SWEEP_1_THREAD,
        Variant.SWEEP_2_THREADS,
        "speed-up 2 threads (goal >= 1.8)");
    ratio(r, out, Variant.TA4J, Variant.SWEEP_2_THREADS, "ta4j / sweep 2 threads (goal >= 20)");
    ratio(r, out, Variant.TA4J, Variant.SWEEP_1_THREAD, "ta4j / sweep 1 thread");
  }

  private static void ratio(Report r, PrintStream out, Variant num, Variant den, String label) {
    double[] a = r.seconds().get(num);
    double[] b = r.seconds().get(den);
    if (a == null || b == null) {
      return;
    }
    double[] paired = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      paired[i] = a[i] / b[i];
    }
    out.printf(
        Locale.ROOT,
        "%-42s %.3f (ratio of medians); per round %s%n",
        label,
        median(a) / median(b),
        Arrays.stream(paired).mapToObj(x -> String.format(Locale.ROOT, "%.3f", x)).toList());
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
