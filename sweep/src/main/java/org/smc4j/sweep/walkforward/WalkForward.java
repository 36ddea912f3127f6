package org.smc4j.sweep.walkforward;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.smc4j.backtest.metrics.EquityCurve;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.sweep.CandleSource;
import org.smc4j.sweep.ComboRun;
import org.smc4j.sweep.CsvResultSink;
import org.smc4j.sweep.FundingHistories;
import org.smc4j.sweep.ResultRow;
import org.smc4j.sweep.SweepRunner;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.SweepSummary;
import org.smc4j.sweep.SweepWindow;
import org.smc4j.sweep.TaskExecutor;
import org.smc4j.sweep.stats.DeflatedSharpeRatio;
import org.smc4j.sweep.stats.ProbabilityOfOverfitting;
import org.smc4j.trading.order.Trade;

/**
 * Runs a walk-forward in three jobs, every backtest through {@link TaskExecutor}:
 *
 * <ol>
 *   <li>the in-sample sweep: every combination on every symbol's train windows, through a {@link
 *       SweepRunner} into {@code out/in-sample} (resumable like any sweep);
 *   <li>per symbol and step, the combination with the best objective among those with at least the
 *       spec's minimum trades (ties: the lower index) runs on the test window; the test windows'
 *       trades laid end to end are the out-of-sample result;
 *   <li>every combination over the whole walk-forward range, each symbol's daily net P&amp;L summed
 *       per combination, gives the {@code T x N} matrix of the probability of backtest overfitting
 *       (CSCV, up to 16 blocks of at least 4 days) and the deflated Sharpe ratio of its best
 *       combination.
 * </ol>
 */
public final class WalkForward {

  /** The most CSCV blocks (12,870 splits). */
  public static final int MAX_BLOCKS = 16;

  private static final int MIN_DAYS_PER_BLOCK = 4;

  private final SweepRunner runner;
  private final CandleSource candles;
  private final int threads;
  private final FundingHistories funding;

  /**
   * Creates a walk-forward.
   *
   * @param runner runs the in-sample sweep
   * @param candles the candles of the out-of-sample and full-range runs (a cache)
   * @param threads threads for the out-of-sample and full-range runs, {@code >= 1}
   * @throws IllegalArgumentException when threads is below 1
   */
  public WalkForward(SweepRunner runner, CandleSource candles, int threads) {
    this(runner, candles, threads, FundingHistories.NONE);
  }

  /**
   * Creates a walk-forward that charges funding histories in its own runs (give the in-sample
   * runner the same histories).
   *
   * @param runner runs the in-sample sweep
   * @param candles the candles of the out-of-sample and full-range runs (a cache)
   * @param threads threads for the out-of-sample and full-range runs, {@code >= 1}
   * @param funding the funding histories
   * @throws IllegalArgumentException when threads is below 1
   */
  public WalkForward(
      SweepRunner runner, CandleSource candles, int threads, FundingHistories funding) {
    this.funding = Objects.requireNonNull(funding, "funding");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.candles = Objects.requireNonNull(candles, "candles");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.threads = threads;
  }

  /**
   * Runs the walk-forward of a spec (its windows are replaced by the scheme's train windows).
   *
   * @param spec the symbols, range, base settings, grid, objective and minimum trades
   * @param scheme the train and test windows
   * @param out the folder for the in-sample sweep's results ({@code out/in-sample})
   * @return the steps, the out-of-sample result and curves, and the overfitting statistics
   * @throws IOException when the in-sample results cannot be written or read
   * @throws IllegalStateException when an in-sample task failed
   * @throws IllegalArgumentException when the scheme does not fit the spec's range
   */
  public WalkForwardResult run(SweepSpec spec, WalkForwardScheme scheme, Path out)
      throws IOException {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(out, "out");
    List<WalkForwardWindow> windows = scheme.windows(spec.from(), spec.to());
    SweepSpec inSample = spec.withWindows(windows.stream().map(WalkForwardWindow::train).toList());
    CsvResultSink sink = CsvResultSink.open(out.resolve("in-sample"), inSample);
    SweepSummary summary = runner.run(inSample, sink);
    if (!summary.failures().isEmpty()) {
      throw new IllegalStateException(
          summary.failures().size()
              + " in-sample task(s) failed, e.g. "
              + summary.failures().get(0).taskId()
              + ": "
              + summary.failures().get(0).message());
    }
    List<ResultRow> rows = CsvResultSink.read(sink.resultsFile());
    TaskExecutor kernel = new TaskExecutor(inSample, funding);

    // job 2: the chosen combination of each (symbol, step) on its test window
    List<Selection> selections = new ArrayList<>();
    for (String symbol : spec.symbols()) {
      for (WalkForwardWindow w : windows) {
        selections.add(new Selection(symbol, w, best(rows, symbol, w.index(), spec)));
      }
    }
    List<Optional<ComboRun>> tests =
        parallel(
            selections,
            s -> s.best().map(r -> kernel.run(s.symbol(), s.window().test(), r.combo(), candles)));
    List<StepResult> steps = new ArrayList<>();
    List<Trade> oosTrades = new ArrayList<>();
    for (int i = 0; i < selections.size(); i++) {
      Selection s = selections.get(i);
      Optional<ComboRun> test = tests.get(i);
      test.ifPresent(t -> oosTrades.addAll(t.trades()));
      steps.add(
          new StepResult(
              s.symbol(),
              s.window(),
              s.best().map(r -> OptionalLong.of(r.combo())).orElse(OptionalLong.empty()),
              s.best().map(ResultRow::params),
              s.best().map(ResultRow::metrics),
              test.map(t -> t.row().metrics())));
    }
    Instant oosFrom = windows.get(0).test().from();
    Instant oosTo = windows.get(windows.size() - 1).test().to();
    PerformanceMetrics oos = MetricsCalculator.compute("ALL", oosTrades, oosFrom, oosTo);
    List<WalkForwardResult.CurvePoint> curve = new ArrayList<>();
    double isCum = 0;
    double oosCum = 0;
    for (WalkForwardWindow w : windows) {
      for (StepResult s : steps) {
        if (s.window().index() == w.index()) {
          isCum += s.inSampleNetRScaled();
          oosCum += s.outOfSampleNetR();
        }
      }
      curve.add(new WalkForwardResult.CurvePoint(w.test().to(), isCum, oosCum));
    }

    // job 3: the full range's daily P&L matrix of every combination
    List<String> notes = new ArrayList<>();
    Optional<ProbabilityOfOverfitting.Result> pbo = Optional.empty();
    Optional<DeflatedSharpeRatio.Result> dsr = Optional.empty();
    long n = spec.grid().size();
    Instant fullFrom = windows.get(0).train().from();
    SweepWindow full = new SweepWindow(0, fullFrom, oosTo);
    int days = (int) ChronoUnit.DAYS.between(day(fullFrom), day(oosTo.minusMillis(1))) + 1;
    int blocks = Math.min(MAX_BLOCKS, (days / MIN_DAYS_PER_BLOCK) / 2 * 2);
    if (n < 2) {
      notes.add("overfitting statistics need at least 2 combinations, the grid has " + n);
    } else if (n > Integer.MAX_VALUE || blocks < 2) {
      notes.add(
          "overfitting statistics skipped: "
              + n
              + " combinations over "
              + days
              + " days (need at most 2^31 and at least 8 days)");
    } else {
      double[][] matrix = dailyMatrix(kernel, spec.symbols(), full, (int) n, days);
      pbo = Optional.of(ProbabilityOfOverfitting.compute(matrix, blocks));
      try {
        dsr = Optional.of(DeflatedSharpeRatio.ofBest(matrix));
      } catch (IllegalArgumentException e) {
        notes.add("deflated Sharpe ratio not computed: " + e.getMessage());
      }
    }
    return new WalkForwardResult(steps, oos, EquityCurve.of(oosTrades), curve, pbo, dsr, notes);
  }

  /** One symbol's step and the in-sample row chosen for it. */
  private record Selection(String symbol, WalkForwardWindow window, Optional<ResultRow> best) {}

  private static Optional<ResultRow> best(
      List<ResultRow> rows, String symbol, int window, SweepSpec spec) {
    ResultRow best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (ResultRow r : rows) {
      if (!r.symbol().equals(symbol) || r.window().index() != window) {
        continue;
      }
      OptionalDouble score = spec.objective().score(r.metrics(), spec.minTrades());
      if (score.isEmpty()) {
        continue;
      }
      double v = score.getAsDouble();
      if (best == null || v > bestScore || (v == bestScore && r.combo() < best.combo())) {
        best = r;
        bestScore = v;
      }
    }
    return Optional.ofNullable(best);
  }

  private double[][] dailyMatrix(
      TaskExecutor kernel, List<String> symbols, SweepWindow full, int combos, int days) {
    record Cell(int combo, String symbol) {}
    List<Cell> cells = new ArrayList<>();
    for (int c = 0; c < combos; c++) {
      for (String s : symbols) {
        cells.add(new Cell(c, s));
      }
    }
    List<List<Trade>> trades =
        parallel(cells, cell -> kernel.run(cell.symbol(), full, cell.combo(), candles).trades());
    double[][] matrix = new double[days][combos];
    LocalDate first = day(full.from());
    for (int i = 0; i < cells.size(); i++) {
      int c = cells.get(i).combo();
      for (Trade t : trades.get(i)) {
        long d = ChronoUnit.DAYS.between(first, day(t.exitTime()));
        matrix[(int) Math.max(0, Math.min(days - 1, d))][c] += t.netPnl();
      }
    }
    return matrix;
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  /** Maps items on the thread pool, keeping their order. */
  private <T, R> List<R> parallel(List<T> items, Function<T, R> f) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> f.apply(item)));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> fu : futures) {
        out.add(fu.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("walk-forward interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
